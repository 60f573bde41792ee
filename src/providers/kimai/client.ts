// Kimai API calls rosterform makes, on the shared HTTP client. Knows paths and shapes, not plans.
import { HttpError } from "../../errors.js";
import { NotJsonError, type HttpClient, type HttpResponse } from "../../http/client.js";
import {
  asKimaiUser,
  asKimaiUserList,
  asTokenUser,
  type KimaiPlugin,
  type KimaiUser,
  type KimaiVersion,
} from "./api.js";

export type KimaiUserBody = Record<string, string | number | boolean | null | string[]>;

export class KimaiClient {
  constructor(readonly http: HttpClient) {}

  async version(): Promise<KimaiVersion> {
    let res: HttpResponse;
    try {
      res = await this.http.send("GET", "/api/version");
    } catch (error) {
      // A web page where Kimai's API should be: said as "not Kimai" by the preflight.
      if (!(error instanceof NotJsonError)) throw error;
      res = { status: error.answer.status, headers: {}, body: undefined, text: "" };
    }
    const body = res.body as Partial<KimaiVersion> | undefined;
    if (!body || typeof body.version !== "string") {
      throw new HttpError("GET", "/api/version", res.status, res.text, [
        "this does not look like a Kimai server; set KIMAI_URL to the address you open Kimai at, without /api",
      ]);
    }
    return { version: body.version, versionId: Number(body.versionId ?? 0) };
  }

  async me(): Promise<KimaiUser> {
    return asTokenUser((await this.http.send("GET", "/api/users/me")).body, "GET /api/users/me");
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
      items: keep,
      slim: SUPERVISOR_REF,
    });
    return asKimaiUserList(res.body, "GET /api/users");
  }

  /** Looks a user up by exact username (case-insensitive), enabled or not. */
  async findByUsername(username: string): Promise<KimaiUser | undefined> {
    const term = plainSearchTerm(username);
    const res = await this.http.send("GET", "/api/users", {
      query: { visible: "3", full: "true", ...(term === "" ? {} : { term }) },
      items: keep,
      slim: SUPERVISOR_REF,
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
 * A `term` that every user named `username` matches. Kimai splits the term at whitespace and reads a part
 * with `a:b` as a search in field a and a leading `!` as an exclusion (src/Utils/SearchTermPart.php): such
 * parts are left out, and the exact match is made here. No safe part left: no term (the whole list).
 */
export function plainSearchTerm(username: string): string {
  return username
    .split(/\s+/)
    .filter((part) => part !== "" && !/:./.test(part) && !(part.length > 1 && part.startsWith("!")))
    .join(" ");
}

/**
 * Kimai nests the supervisor as a full entity, which nests its own supervisor, and so on: with a deep org
 * chart most of a full list is repeated supervisors (~7 KB per user at 100,000 users). rosterform reads only
 * the supervisor's id and username (KimaiUserRef), so the list parser keeps only those, and parses each
 * supervisor once per list rather than inside every subordinate.
 */
const SUPERVISOR_REF = { key: "supervisor", keep: ["id", "username"] } as const;

const keep = (value: unknown): unknown => value;
