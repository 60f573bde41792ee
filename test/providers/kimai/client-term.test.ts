// The lost-create look-up's search term: parts Kimai reads as field searches or exclusions are left out.
import { expect, test } from "vitest";
import { plainSearchTerm } from "../../../src/providers/kimai/client.js";

test("plain usernames are the term; a:b and !x parts are dropped; trailing colon and lone ! are plain", () => {
  expect(plainSearchTerm("anna.schmidt")).toBe("anna.schmidt");
  expect(plainSearchTerm("team:lead")).toBe("");
  expect(plainSearchTerm("!bang")).toBe("");
  expect(plainSearchTerm("Anna Maria !x y:z")).toBe("Anna Maria");
  expect(plainSearchTerm("name: !")).toBe("name: !");
});
