// When I Work API calls rosterform makes: paths and envelopes, nothing about plans.
import type { JsonValue } from "../../core/plan.js";
import type { HttpClient, HttpResponse, RequestOptions } from "../../http/client.js";
import { Pacer } from "./pacer.js";
import { asNamed, asWiwUser, listOf, oneOf, type WiwNamed, type WiwUser } from "./api.js";

export type WiwUserBody = Record<string, JsonValue>;

export class WhenIWorkClient {
  constructor(
    readonly http: HttpClient,
    readonly pacer: Pacer = new Pacer(),
  ) {}

  /** Every request: paced by W-Limit-Remaining (pacer.ts). */
  private async send(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    await this.pacer.gate();
    const response = await this.http.send(method, path, options);
    this.pacer.observe(response);
    return response;
  }

  /** Every user, archived ones included (to reactivate rather than duplicate): one request. */
  async listUsers(): Promise<WiwUser[]> {
    const res = await this.send("GET", "/2/users", {
      query: { show_deleted: "true", include_objects: "false" },
    });
    return listOf(res.body, "users", "GET /2/users").map((u, i) => asWiwUser(u, `GET /2/users [${i}]`));
  }

  /** GET /2/login: the login's users, one per account (workplace), as `{id, account_id}`. */
  async loginUsers(): Promise<{ id: number; account_id: number }[]> {
    const res = await this.send("GET", "/2/login");
    return listOf(res.body, "users", "GET /2/login").map((u, i) => {
      const user = asWiwUser(u, `GET /2/login [${i}]`);
      const account = (u as { account_id?: unknown }).account_id;
      return { id: user.id, account_id: typeof account === "number" ? account : 0 };
    });
  }

  async listPositions(): Promise<WiwNamed[]> {
    const res = await this.send("GET", "/2/positions", { query: { show_deleted: "true" } });
    return listOf(res.body, "positions", "GET /2/positions").flatMap((p) => asNamed(p) ?? []);
  }

  async listLocations(): Promise<WiwNamed[]> {
    const res = await this.send("GET", "/2/locations");
    return listOf(res.body, "locations", "GET /2/locations").flatMap((l) => asNamed(l) ?? []);
  }

  /** The user with this email (case-insensitive), archived or not. */
  async findByEmail(email: string): Promise<WiwUser | undefined> {
    const res = await this.send("GET", "/2/users", { query: { search: email, show_deleted: "true" } });
    const wanted = email.toLowerCase();
    return listOf(res.body, "users", "GET /2/users")
      .map((u, i) => asWiwUser(u, `GET /2/users [${i}]`))
      .find((u) => u.email?.toLowerCase() === wanted);
  }

  async getUser(id: number): Promise<WiwUser> {
    const res = await this.send("GET", `/2/users/${id}`);
    return asWiwUser(oneOf(res.body, "user", `GET /2/users/${id}`), `GET /2/users/${id}`);
  }

  /** Sent once: a lost answer is resolved by looking the user up, never by sending again blindly. */
  async createUser(body: WiwUserBody): Promise<WiwUser> {
    const res = await this.send("POST", "/2/users", { body, retry: "once" });
    return asWiwUser(oneOf(res.body, "user", "POST /2/users"), "POST /2/users");
  }

  async updateUser(id: number, body: WiwUserBody): Promise<WiwUser> {
    const res = await this.send("PUT", `/2/users/${id}`, { body });
    return asWiwUser(oneOf(res.body, "user", `PUT /2/users/${id}`), `PUT /2/users/${id}`);
  }

  /**
   * Archive (soft delete). Future shifts become open shifts, or are deleted with `deleteShifts`; the flag is
   * sent under both names the docs use (delete_shifts in the old ones, deleted_shifts in the current ones).
   */
  async archiveUser(id: number, deleteShifts: boolean): Promise<void> {
    const flag = String(deleteShifts);
    await this.send("DELETE", `/2/users/${id}`, {
      query: { delete_shifts: flag, deleted_shifts: flag },
      retry: "once",
    });
  }
}
