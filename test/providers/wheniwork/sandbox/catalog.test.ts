// Behaviour 15: GET /2/positions and /2/locations, deleted entries only with show_deleted, duplicate names.
import { describe, expect, test } from "vitest";
import { start, startTeam, teamSeed } from "./helpers.js";

describe("positions and locations", () => {
  test("GET /2/positions: the account's active positions; show_deleted=true adds deleted ones", async () => {
    const s = await startTeam();
    const r = await s.api("GET", "/2/positions");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      positions: [
        { id: 1, account_id: 1, name: "Barista", is_deleted: false, sort: 0 },
        { id: 2, account_id: 1, name: "Cashier", is_deleted: false, sort: 0 },
      ],
    });
    const all = await s.api("GET", "/2/positions?show_deleted=true");
    expect(all.json.positions.map((p: { id: number; is_deleted: boolean }) => [p.id, p.is_deleted])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  test("GET /2/locations works the same way (the sandbox's choice)", async () => {
    const s = await startTeam();
    expect((await s.api("GET", "/2/locations")).json).toEqual({
      locations: [
        { id: 1, account_id: 1, name: "Main Street", is_deleted: false, sort: 0 },
        { id: 2, account_id: 1, name: "Harbour", is_deleted: false, sort: 0 },
      ],
    });
    const all = (await s.api("GET", "/2/locations?show_deleted=true")).json.locations;
    expect(all.map((l: { name: string }) => l.name)).toEqual(["Main Street", "Harbour", "Closed Site"]);
  });

  test("names may repeat, also between an active and a deleted entry", async () => {
    const seed = teamSeed();
    seed.positions = [
      { id: 1, account_id: 1, name: "Barista" },
      { id: 2, account_id: 1, name: "Barista" },
      { id: 3, account_id: 1, name: "Cashier", is_deleted: true },
      { id: 4, account_id: 1, name: "Cashier" },
      { id: 10, account_id: 2, name: "Barista" },
    ];
    const s = await start({ seed, token: "admin-token" });
    const names = (await s.api("GET", "/2/positions?show_deleted=true")).json.positions.map(
      (p: { id: number; name: string }) => [p.id, p.name],
    );
    expect(names).toEqual([
      [1, "Barista"],
      [2, "Barista"],
      [3, "Cashier"],
      [4, "Cashier"],
    ]);
  });

  test("the default sandbox has Barista, Cashier, Manager (+ deleted Old Position), Main Street, Harbour", async () => {
    const s = await start();
    const positions = (await s.api("GET", "/2/positions?show_deleted=true")).json.positions;
    expect(positions.map((p: { name: string; is_deleted: boolean }) => [p.name, p.is_deleted])).toEqual([
      ["Barista", false],
      ["Cashier", false],
      ["Manager", false],
      ["Old Position", true],
    ]);
    const locations = (await s.api("GET", "/2/locations")).json.locations;
    expect(locations.map((l: { name: string }) => l.name)).toEqual(["Main Street", "Harbour"]);
  });
});
