// Kimai API calls rosterform makes, on the shared HTTP client. Knows paths and shapes, not plans.
import { HttpError } from "../../errors.js";
import type { HttpClient } from "../../http/client.js";
import { asKimaiUser, asKimaiUserList, type KimaiPlugin, type KimaiUser, type KimaiVersion } from "./api.js";

export type KimaiUserBody = Record<string, string | number | boolean | null | string[]>;

export class KimaiClient {
  constructor(readonly http: HttpClient) {}

  async version(): Promise<KimaiVersion> {
    const res = await this.http.send("GET", "/api/version");
    const body = res.body as Partial<KimaiVersion> | undefined;
    if (!body || typeof body.version !== "string") {
      throw new HttpError("GET", "/api/version", res.status, res.text, [
        "this does not look like a Kimai server; set KIMAI_URL to the address you open Kimai at, without /api",
      ]);
    }
    return { version: body.version, versionId: Number(body.versionId ?? 0) };
  }

  async me(): Promise<KimaiUser> {
    return asKimaiUser((await this.http.send("GET", "/api/users/me")).body, "GET /api/users/me");
  }

  async plugins(): Promise<KimaiPlugin[]> {
    const body = (await this.http.send("GET", "/api/plugins")).body;
    if (!Array.isArray(body)) return [];
    return body.filter((p): p is KimaiPlugin => typeof (p as KimaiPlugin | null)?.name === "string");
  }

  /** Every user, enabled and disabled, with roles, supervisor and stored preferences: one request. */
  async listUsers(): Promise<KimaiUser[]> {
    const res = await this.http.send("GET", "/api/users", {
      query: { visible: "3", full: "true" },
      items: slimListedUser,
    });
    return asKimaiUserList(res.body, "GET /api/users");
  }

  /** Looks a user up by exact username (case-insensitive), enabled or not. */
  async findByUsername(username: string): Promise<KimaiUser | undefined> {
    const res = await this.http.send("GET", "/api/users", {
      query: { visible: "3", full: "true", term: username },
      items: slimListedUser,
    });
    const wanted = username.toLowerCase();
    return asKimaiUserList(res.body, "GET /api/users").find((u) => u.username.toLowerCase() === wanted);
  }

  /** Sent once: a lost answer is resolved by the caller looking the user up, never by sending again blindly. */
  async createUser(body: KimaiUserBody): Promise<KimaiUser> {
    const res = await this.http.send("POST", "/api/users", { body, retry: "once" });
    return asKimaiUser(res.body, "POST /api/users");
  }

  async patchUser(id: number, body: KimaiUserBody): Promise<KimaiUser> {
    const res = await this.http.send("PATCH", `/api/users/${id}`, { body });
    return asKimaiUser(res.body, `PATCH /api/users/${id}`);
  }

  async patchPreferences(
    id: number,
    preferences: { name: string; value: string | null }[],
  ): Promise<KimaiUser> {
    const res = await this.http.send("PATCH", `/api/users/${id}/preferences`, { body: preferences });
    return asKimaiUser(res.body, `PATCH /api/users/${id}/preferences`);
  }
}

/**
 * Kimai nests the supervisor as a full entity, which nests its own supervisor, and so on: with a deep org
 * chart most of a full list is repeated supervisors (~7 KB per user at 100,000 users). rosterform reads only
 * the supervisor's id and username, so only those are kept, element by element as the list arrives.
 */
function slimListedUser(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const user = value as { id?: unknown; username?: unknown; supervisor?: unknown };
  // Anything that is not a user is left whole, for asKimaiUserList to report as it is.
  if (typeof user.id !== "number" || typeof user.username !== "string") return value;
  const boss = user.supervisor;
  if (typeof boss === "object" && boss !== null && !Array.isArray(boss)) {
    const { id, username } = boss as { id?: unknown; username?: unknown };
    user.supervisor = { id, username };
  }
  return value;
}
