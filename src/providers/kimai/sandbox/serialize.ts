// JSON output of users and teams, built as strings (fast for 100,000-user lists).
// Key order follows the JMS metadata order of the entities (declared properties, then virtual ones).

import { COLOR_PALETTE, DEFAULT_COLOR, DEFAULT_LANGUAGE, SERVER_TIMEZONE } from "./constants.js";
import type { TeamRecord, UserRecord } from "./model.js";
import type { PrepareContext, PrepareMode } from "./preferences.js";
import { isVisiblePreference, preparePreferences } from "./preferences.js";
import type { KimaiStore } from "./store.js";
import { type KimaiFeatures, featuresOf } from "./versions.js";

const CURRENT = featuresOf("99.0.0");

const str = (value: string | null): string => (value === null ? "null" : JSON.stringify(value));

/** ColorTrait::getColor(): the default colour reads as "no colour". */
export function storedColor(color: string | null): string | null {
  return color === DEFAULT_COLOR ? null : color;
}

/** Color::getRandomFromPalette(): sum of the name's bytes (multi-byte ones count 0) modulo the palette. */
export function paletteColor(name: string): string {
  let sum = 0;
  // Non-ASCII characters only produce bytes >= 0x80 in UTF-8, which count 0.
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x80) sum += code;
  }
  return COLOR_PALETTE[sum % COLOR_PALETTE.length] ?? "#AAAAAA";
}

export function colorSafe(color: string | null, name: string): string {
  return storedColor(color) ?? paletteColor(name);
}

export function displayName(user: UserRecord): string {
  return user.alias !== null && user.alias !== "" ? user.alias : user.username;
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** User::getInitials(). */
export function initials(name: string): string {
  let source = name;
  if (EMAIL_LIKE.test(source)) source = source.slice(0, source.indexOf("@")).replace(/\./g, " ");
  const words = source.split(" ");
  let result: string;
  if (words.length === 1) {
    const chars = [...source];
    result = chars.length >= 2 ? chars.slice(0, 2).join("") : source;
  } else {
    result = [...words.map((word) => [...word][0] ?? "").join("")].slice(0, 2).join("");
  }
  return result.toUpperCase();
}

export function userLanguage(user: UserRecord): string {
  return user.preferences.get("language") ?? DEFAULT_LANGUAGE;
}

export function userLocale(user: UserRecord): string {
  return user.preferences.get("locale") ?? userLanguage(user);
}

export function userTimezone(user: UserRecord): string {
  return user.preferences.get("timezone") ?? SERVER_TIMEZONE;
}

/**
 * The fields of the Default group, shared by the collection and entity shapes. Before 2.45 there is no
 * email/systemAccount and the collection has no locale fields; 2.45 sends the display colour as `color`;
 * `color-safe` exists since 2.46.
 */
function defaultFields(user: UserRecord, features: KimaiFeatures) {
  const name = displayName(user);
  const color = features.generatedColor ? colorSafe(user.color, name) : storedColor(user.color);
  const email = features.emailInJson ? `,"email":${str(user.email)}` : "";
  return {
    head: `"id":${user.id},"alias":${str(user.alias)},"title":${str(user.title)},"avatar":${str(user.avatar)}`,
    identity: `"username":${str(user.username)}${email},"accountNumber":${str(user.accountNumber)},"enabled":${user.enabled}`,
    system: features.emailInJson ? `"systemAccount":${user.systemAccount},` : "",
    color: `"color":${str(color)},"apiToken":${user.apiPasswordHash !== null}`,
    locale: `"locale":${str(userLocale(user))},"timezone":${str(userTimezone(user))},"language":${str(userLanguage(user))}`,
    tail:
      `"initials":${str(initials(name))}` +
      (features.colorSafe ? `,"color-safe":${str(colorSafe(user.color, name))}` : ""),
  };
}

/** The collection shape ("Default" group, 16 keys at 2.46+), also used for users embedded in teams. */
export function userCollectionJson(user: UserRecord, features: KimaiFeatures = CURRENT): string {
  const f = defaultFields(user, features);
  const locale = features.emailInJson ? `,${f.locale}` : "";
  return `{${f.head},${f.identity},${f.system}${f.color}${locale},${f.tail}}`;
}

export function teamCollectionJson(team: TeamRecord): string {
  return `{"id":${team.id},"name":${str(team.name)},"color":${str(storedColor(team.color))},"color-safe":${str(colorSafe(team.color, team.name))}}`;
}

/**
 * Renders full user entities for one response. Per-user preparation comes from `modeOf`; rendered
 * entities are memoised, except those whose nested supervisor chain hit a cycle (JMS drops the repeated
 * object's "supervisor" key, so their text depends on where they are nested).
 */
export class UserEntityRenderer {
  private readonly entities = new Map<number, string>();
  private readonly teams = new Map<number, string>();

  constructor(
    private readonly store: KimaiStore,
    private readonly prepare: PrepareContext,
    private readonly modeOf: (user: UserRecord) => PrepareMode,
  ) {}

  entity(user: UserRecord): string {
    return this.render(user, new Set(), false).json;
  }

  private team(id: number): string {
    let json = this.teams.get(id);
    if (json === undefined) {
      const team = this.store.teams.get(id);
      json = team === undefined ? "null" : teamCollectionJson(team);
      this.teams.set(id, json);
    }
    return json;
  }

  /** Only nested renders (supervisors) are memoised, so a streamed list does not keep every item alive. */
  private render(
    user: UserRecord,
    visiting: Set<number>,
    nested: boolean,
  ): { json: string; cyclic: boolean } {
    const cached = this.entities.get(user.id);
    if (cached !== undefined) return { json: cached, cyclic: false };

    visiting.add(user.id);
    let supervisor = "";
    let cyclic = false;
    if (user.supervisorId === null) {
      supervisor = `"supervisor":null,`;
    } else if (visiting.has(user.supervisorId)) {
      cyclic = true; // circular reference: JMS skips the property entirely
    } else {
      const boss = this.store.users.get(user.supervisorId);
      if (boss === undefined) {
        supervisor = `"supervisor":null,`;
      } else {
        const inner = this.render(boss, visiting, true);
        cyclic = inner.cyclic;
        supervisor = `"supervisor":${inner.json},`;
      }
    }
    visiting.delete(user.id);

    const memberships: string[] = [];
    const teams: string[] = [];
    for (const teamId of user.teamIds) {
      const team = this.store.teams.get(teamId);
      if (team === undefined) continue;
      const json = this.team(teamId);
      teams.push(json);
      memberships.push(`{"team":${json},"teamlead":${team.members.get(user.id) === true}}`);
    }
    const preferences: string[] = [];
    const mode = this.modeOf(user);
    const features = this.store.features;
    if (mode === "stored") {
      // Unprepared rows are all enabled: skip building the prepared list (the 100,000-user path).
      for (const [name, value] of user.preferences) {
        if (isVisiblePreference({ name, value, enabled: true }, features)) {
          preferences.push(`{"name":${str(name)},"value":${str(value)}}`);
        }
      }
    } else {
      for (const p of preparePreferences(user, mode, this.prepare)) {
        if (isVisiblePreference(p, features))
          preferences.push(`{"name":${str(p.name)},"value":${str(p.value)}}`);
      }
    }

    const f = defaultFields(user, features);
    const json =
      `{${f.head},"memberships":[${memberships.join(",")}],${f.identity},"roles":${JSON.stringify(user.roles)},` +
      `${f.system}${supervisor}${f.color},"preferences":[${preferences.join(",")}],${f.locale},` +
      `"teams":[${teams.join(",")}],${f.tail}}`;
    if (nested && !cyclic) this.entities.set(user.id, json);
    return { json, cyclic };
  }
}
