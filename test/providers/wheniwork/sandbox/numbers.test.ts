// Behaviour 13: float hours and rates round-trip exactly; is_trusted is answered as 0/1.
import { describe, expect, test } from "vitest";
import { startTeam } from "./helpers.js";

describe("numbers", () => {
  test("hours_max, hours_preferred and hourly_rate round-trip exactly (write, read, list, state)", async () => {
    const s = await startTeam();
    const values = { hours_max: 37.5, hours_preferred: 0.1 + 0.2, hourly_rate: 12.345 };
    expect((await s.api("PUT", "/2/users/4", { body: values })).json.user).toMatchObject(values);
    expect((await s.api("GET", "/2/users/4")).json.user).toMatchObject(values);
    const listed = (await s.api("GET", "/2/users?ids=4")).json.users[0];
    expect(listed).toMatchObject(values);
    expect(listed.hours_preferred).toBe(0.30000000000000004);
    const state = (await s.control("GET", "state")).json;
    expect(state.users.find((u: { id: number }) => u.id === 4)).toMatchObject(values);
  });

  test("is_trusted is a number: true is stored and answered as 1, false as 0", async () => {
    const s = await startTeam();
    expect((await s.api("GET", "/2/users/4")).json.user.is_trusted).toBe(0);
    expect((await s.api("PUT", "/2/users/4", { body: { is_trusted: true } })).json.user.is_trusted).toBe(1);
    expect((await s.api("GET", "/2/users/4")).json.user.is_trusted).toBe(1);
    // A client echoing back what it read (0/1) works too.
    expect((await s.api("PUT", "/2/users/4", { body: { is_trusted: 0 } })).json.user.is_trusted).toBe(0);
    // The other flags stay booleans.
    expect(typeof (await s.api("GET", "/2/users/4")).json.user.is_private).toBe("boolean");
  });
});
