// When I Work users -> user-file documents (users.d YAML), with a `wheniwork:` block of names, not ids, and
// durations written like every other duration (38h30m). Into a users.d that already has people, matched as the
// plan matches them (matching.ts): what they lack goes into their `wheniwork:` block, nothing else changes.
import type { DesiredUser } from "../../core/model.js";
import type { ExportedUser, ImportResult } from "../../core/provider.js";
import { formatHours } from "../../core/units.js";
import { ROLE_NAMES, type WiwUser } from "./api.js";
import { desiredRecord, displayName, remoteRecord, type Catalog } from "./mapping.js";
import { matchPeople, where } from "./matching.js";
import { optedOut, settingsOf } from "./settings.js";

const EMPLOYMENT = new Set(["hourly", "hourly_exempt", "salaried", "salaried_exempt", "shareholder"]);

/** The `wheniwork:` block for a server user: every field it has set (flags only when on). */
export function wheniworkBlock(user: WiwUser, catalog: Catalog): Record<string, unknown> {
  const block: Record<string, unknown> = {};
  const role = ROLE_NAMES[user.role];
  if (role && role !== "lead") block.role = role;
  const live = (id: number, items: Catalog["positions"]) =>
    items.find((i) => i.id === id && !i.is_deleted)?.name;
  const names = (ids: number[], items: Catalog["positions"]) =>
    ids.map((id) => live(id, items)).filter((n): n is string => !!n);
  const positions = names(user.positions, catalog.positions);
  if (positions.length) block.positions = positions;
  const locations = names(user.locations, catalog.locations);
  if (locations.length) block.locations = locations;
  if (user.employment_type && EMPLOYMENT.has(user.employment_type)) block.employment = user.employment_type;
  if (user.hours_max) block.hoursMax = formatHours(user.hours_max);
  // Unset (0) is left out: without a contract nothing is compared, and 0 is When I Work's own default.
  if (user.hours_preferred) block.hoursPreferred = formatHours(user.hours_preferred);
  if (user.employee_code) block.employeeCode = user.employee_code;
  if (user.phone_number) block.phone = user.phone_number;
  if (user.notes) block.notes = user.notes;
  if (user.is_hidden) block.hidden = true;
  if (user.is_payroll) block.payroll = true;
  if (user.is_private) block.private = true;
  if (user.is_trusted) block.trusted = true;
  if (user.start_date) block.startDate = user.start_date;
  const rates: Record<string, number> = {};
  for (const [id, rate] of Object.entries(user.position_rates)) {
    const name = live(Number(id), catalog.positions);
    if (name !== undefined) rates[name] = rate;
  }
  if (Object.keys(rates).length > 0) block.positionRates = rates;
  return block;
}

export function userDocument(user: WiwUser, catalog: Catalog, username: string): Record<string, unknown> {
  const doc: Record<string, unknown> = { username, email: user.email };
  if (user.first_name || user.last_name) doc.name = { first: user.first_name, last: user.last_name };
  if (user.is_deleted) doc.enabled = false;
  if (user.hourly_rate) doc.rates = { hourly: user.hourly_rate };
  doc.wheniwork = wheniworkBlock(user, catalog);
  return doc;
}

/** The block field (of wheniworkBlock) that holds each When I Work attribute, where the block holds it. */
const BLOCK_FIELDS: Readonly<Record<string, string>> = {
  role: "role",
  positions: "positions",
  locations: "locations",
  employment_type: "employment",
  hours_max: "hoursMax",
  employee_code: "employeeCode",
  phone_number: "phone",
  notes: "notes",
  is_hidden: "hidden",
  is_payroll: "payroll",
  is_private: "private",
  is_trusted: "trusted",
  start_date: "startDate",
  position_rates: "positionRates",
};

/**
 * Import into users.d as it is: server users nobody declares become new files; a declared person matched to a
 * server user gains, in their `wheniwork:` block, what the server has and the file does not say (the shared
 * fields name, rates.hourly and the contract's weekly hours are never touched: when When I Work differs, its own
 * value goes to wheniwork.name, hourlyRate, hoursPreferred); a person When I Work does not have gets
 * `wheniwork: false`.
 */
export function importUsers(
  users: readonly WiwUser[],
  catalog: Catalog,
  declared: readonly DesiredUser[],
  currency?: string,
): ImportResult {
  const matching = matchPeople(declared, users);
  const result: ImportResult = { added: [], merged: [], absent: [], warnings: [...matching.errors] };
  const claimed = new Set([...matching.matches.values()].map((m) => m.user.id));
  for (const person of declared) {
    const match = matching.matches.get(person);
    if (optedOut(person)) {
      if (match && !match.user.is_deleted) {
        result.warnings.push(
          `${where(person)}: ${person.username} has wheniwork: false but is in When I Work as ${displayName(match.user)}: left as it is (the plan reports it)`,
        );
      }
      continue;
    }
    if (!match) {
      result.absent.push({ person, why: "not in When I Work" });
      continue;
    }
    if (match.user.is_deleted && person.enabled) {
      result.absent.push({ person, why: `archived in When I Work (${displayName(match.user)})` });
      continue;
    }
    const { fields, warnings } = additions(person, match.user, catalog, currency);
    result.warnings.push(...warnings);
    if (Object.keys(fields).length > 0) result.merged.push({ person, fields: { wheniwork: fields } });
  }
  // Usernames come from the email's local part; a second person with the same local part gets the domain too.
  const taken = new Set(declared.map((p) => p.username.toLowerCase()));
  const unnamed = users.filter((u) => !u.email && !claimed.has(u.id));
  for (const u of users) {
    if (!u.email || claimed.has(u.id)) continue;
    const [local, domain] = u.email.toLowerCase().split("@") as [string, string];
    let username = taken.has(local) ? `${local}.${domain.split(".")[0]}` : local;
    for (let i = 2; taken.has(username); i++) username = `${local}.${i}`;
    taken.add(username);
    result.added.push({ username, document: userDocument(u, catalog, username) } satisfies ExportedUser);
  }
  if (unnamed.length > 0) {
    result.warnings.push(
      `${unnamed.length} When I Work user(s) without a visible email were not imported (${unnamed.map(displayName).join(", ")}): a user file needs an email`,
    );
  }
  return result;
}

/** What a matched person's `wheniwork:` block gains, and what import keeps as the file says (the plan changes it). */
function additions(
  person: DesiredUser,
  user: WiwUser,
  catalog: Catalog,
  currency?: string,
): { fields: Record<string, unknown>; warnings: string[] } {
  const desired = desiredRecord(person, catalog, [], currency);
  const remote = remoteRecord(user, person.username.toLowerCase(), person.username, catalog, currency);
  const block = wheniworkBlock(user, catalog);
  const s = settingsOf(person);
  const fields: Record<string, unknown> = {};
  const warnings: string[] = [];
  const kept = (key: string) => {
    const field = desired.fields?.[key] ?? key;
    warnings.push(
      `${where(person)}: ${field} is ${desired.attrs[key]?.human} in the file, When I Work has ${remote.attrs[key]?.human} for ${displayName(user)}: kept the file's; the next plan changes When I Work`,
    );
  };
  const differs = (key: string) => desired.attrs[key]?.canon !== remote.attrs[key]?.canon;
  for (const [key, field] of Object.entries(BLOCK_FIELDS)) {
    if (desired.attrs[key] === undefined) {
      if (block[field] !== undefined) fields[field] = block[field];
    } else if (differs(key)) kept(key);
  }
  // Shared fields: When I Work's own value goes to its block when the file's (or none) would change it.
  if (desired.attrs.first_name === undefined || differs("first_name") || differs("last_name")) {
    if (s.name) kept(differs("first_name") ? "first_name" : "last_name");
    else if (user.first_name || user.last_name)
      fields.name = { first: user.first_name, last: user.last_name };
  }
  if (desired.attrs.hourly_rate === undefined ? user.hourly_rate !== 0 : differs("hourly_rate")) {
    if (s.hourlyRate !== undefined) kept("hourly_rate");
    else fields.hourlyRate = user.hourly_rate;
  }
  if (desired.attrs.hours_preferred === undefined ? user.hours_preferred !== 0 : differs("hours_preferred")) {
    if (s.hoursPreferred !== undefined) kept("hours_preferred");
    else fields.hoursPreferred = formatHours(user.hours_preferred);
  }
  if (differs("email")) {
    warnings.push(
      `${where(person)}: ${person.username} is When I Work user ${displayName(user)}; the next plan changes its email to ${person.email}`,
    );
  }
  if (!person.enabled && !user.is_deleted) {
    warnings.push(
      `${where(person)}: ${person.username} is off-boarded (enabled: false) but active in When I Work as ${displayName(user)}: the next plan archives them there`,
    );
  }
  return { fields, warnings };
}
