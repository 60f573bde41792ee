// Behaviour 14: email (and phone) of a private employee is omitted for callers below supervisor.
import { describe, expect, test } from "vitest";
import { EMPLOYEE_TOKEN, MULTI_TOKEN, SUPERVISOR_TOKEN, startTeam } from "./helpers.js";

const asEmployee4 = { token: MULTI_TOKEN, headers: { "w-userid": "4" } };
type Item = { id: number } & Record<string, unknown>;
const byId = (json: { users: Item[] }, id: number): Item | undefined => json.users.find((u) => u.id === id);

describe("private users", () => {
  test("an employee's list has no email key for a private employee, and still has it for others", async () => {
    const s = await startTeam();
    const list = (await s.api("GET", "/2/users", asEmployee4)).json;
    expect(byId(list, 5)).not.toHaveProperty("email");
    expect(byId(list, 5)).not.toHaveProperty("phone_number");
    expect(byId(list, 5)).toMatchObject({ first_name: "Pia", is_private: true });
    expect(byId(list, 2)).toHaveProperty("email", "max@example.com");
    // Nor can the hidden email be found by searching for it, or read one by one.
    expect((await s.api("GET", "/2/users?search=pia%40example", asEmployee4)).json.users).toEqual([]);
    expect((await s.api("GET", "/2/users/5", asEmployee4)).json.user).not.toHaveProperty("email");
  });

  test("supervisors and above see it, and a private user sees their own", async () => {
    const s = await startTeam();
    for (const token of [SUPERVISOR_TOKEN, EMPLOYEE_TOKEN]) {
      expect(byId((await s.api("GET", "/2/users", { token })).json, 5)).toHaveProperty(
        "email",
        "pia@example.com",
      );
    }
  });

  test("supervisors and above cannot hide their email", async () => {
    const s = await startTeam();
    await s.api("PUT", "/2/users/3", { body: { is_private: true } });
    expect(byId((await s.api("GET", "/2/users", asEmployee4)).json, 3)).toHaveProperty(
      "email",
      "sue@example.com",
    );
  });

  test("employees see neither notes nor hourly rates", async () => {
    const s = await startTeam();
    await s.api("PUT", "/2/users/2", { body: { notes: "secret", hourly_rate: 30 } });
    const seen = byId((await s.api("GET", "/2/users", asEmployee4)).json, 2);
    expect(seen).not.toHaveProperty("notes");
    expect(seen).not.toHaveProperty("hourly_rate");
    const bySupervisor = byId((await s.api("GET", "/2/users", { token: SUPERVISOR_TOKEN })).json, 2);
    expect(bySupervisor).toHaveProperty("notes", "secret");
    expect(bySupervisor).not.toHaveProperty("hourly_rate"); // not a payroll supervisor
  });
});
