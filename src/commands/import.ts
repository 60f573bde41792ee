// rosterform import: users.d from the server, so that plan right after is empty. Into a users.d that already has
// people (from another system): the provider matches them as its plan does; their files gain what they lack,
// byte for byte otherwise; people the system does not have get `<target>: false`.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parse, stringify } from "yaml";
import type { DesiredUser } from "../core/model.js";
import type { ExportedUser, ImportResult } from "../core/provider.js";
import { RosterformError } from "../errors.js";
import { ExitCode, progress, type Io } from "../io.js";
import { writeOutputFile } from "../output-file.js";
import { TARGETS } from "../providers/index.js";
import type { TargetName } from "../targets.js";
import { loadDesired, openTarget } from "./planning.js";
import { addFields } from "./yaml-additions.js";

export interface ImportOptions {
  dir: string;
  target: TargetName;
  /** Folder to write new files to, relative to the working directory; default DIR/users.d. */
  out?: string;
  /** Replace existing files with the server's users instead of adding to them. */
  overwrite?: boolean;
  timeoutMs?: number;
}

export async function runImport(options: ImportOptions, io: Io): Promise<number> {
  const state = await loadDesired(options.dir, undefined, io);
  const defaults = await readDefaults(options.dir);
  const session = await openTarget(options.target, state, io, {
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  let result: ImportResult;
  try {
    result = session.provider.export(session.snapshot, defaults, options.overwrite ? [] : state.users);
  } finally {
    await session.provider.close();
  }
  const outDir = options.out ? resolve(io.cwd, options.out) : join(options.dir, "users.d");
  // Into a users.d that has people already, those are taken as everyone the other configured systems have: a
  // new person is kept out of them (`<other>: false`), or their next plan would create them there.
  const others = TARGETS.map((t) => t.name).filter(
    (name) => name !== options.target && state.config.targets[name] !== undefined,
  );
  const added =
    options.overwrite || state.users.length === 0 || others.length === 0
      ? result.added
      : result.added.map((u) => ({
          ...u,
          document: { ...u.document, ...Object.fromEntries(others.map((name) => [name, false])) },
        }));
  const { written, skipped } = await writeNewFiles(added, outDir, options, io);
  const shown = (file: string) => relative(io.cwd, join(options.dir, file)) || file;
  const warnings = [...result.warnings];
  const notes: string[] = [];

  // Existing files: additions spliced in, then what the other systems need to stay as they were.
  const edited = new Map<DesiredUser, string>();
  // A shared value is replaced only when every other configured system keeps its own in its block.
  const othersPin = others.every((name) => TARGETS.find((t) => t.name === name)?.pinned !== undefined);
  const edit = async (
    person: DesiredUser,
    fields: Record<string, unknown>,
    comment?: string,
    replace?: Record<string, unknown>,
  ) => {
    const path = join(options.dir, person.source.file);
    const text = edited.get(person) ?? (await readFile(path, "utf8"));
    let out;
    try {
      out = addFields(text, fields, comment, othersPin && others.length > 0 ? replace : undefined);
    } catch (error) {
      warnings.push(`${shown(person.source.file)}: not changed (${(error as Error).message})`);
      return;
    }
    for (const k of out.kept) {
      warnings.push(
        `${shown(person.source.file)}: kept ${k.path}: ${show(k.file)} (${options.target} has ${show(k.value)}); the next plan changes it in ${options.target}`,
      );
    }
    for (const r of out.replaced) {
      notes.push(
        `${shown(person.source.file)}: ${r.path} ${show(r.file)} → ${show(r.value)} (${options.target}'s); the other targets keep ${show(r.file)} in their own blocks`,
      );
    }
    if (out.text !== text) edited.set(person, out.text);
  };
  for (const { person, fields, replace } of result.merged) await edit(person, fields, undefined, replace);
  for (const { person, why } of result.absent) await edit(person, { [options.target]: false }, why);
  await saveAll(edited, options.dir);
  const pins = await pinOtherTargets(options, [...edited.keys()], state.users, io);
  const pinned = new Map<DesiredUser, string>();
  for (const { person, fields } of pins) {
    const path = join(options.dir, person.source.file);
    const out = addFields(pinned.get(person) ?? (await readFile(path, "utf8")), fields);
    pinned.set(person, out.text);
  }
  await saveAll(pinned, options.dir);

  const where = relative(io.cwd, outDir) || ".";
  io.stdout(`Wrote ${written} user file(s) to ${where}/ from ${session.provider.endpoint}.\n`);
  const merged = result.merged.filter((m) => edited.has(m.person)).length;
  if (merged > 0) io.stdout(`Added ${options.target} settings to ${merged} existing file(s).\n`);
  const absent = result.absent.filter((a) => edited.has(a.person));
  if (absent.length > 0) {
    io.stdout(
      `Marked ${absent.length} existing file(s) ${options.target}: false (${absent
        .slice(0, 10)
        .map((a) => a.person.username)
        .join(", ")}${absent.length > 10 ? ", …" : ""}).\n`,
    );
  }
  if (pinned.size > 0) {
    io.stdout(`Kept what the other targets are sent as it was in ${pinned.size} file(s).\n`);
  }
  for (const n of notes) io.stdout(`${n}\n`);
  if (skipped.length > 0) {
    progress(
      io,
      `Kept ${skipped.length} existing file(s) (use --overwrite to replace): ${skipped.slice(0, 10).join(", ")}${skipped.length > 10 ? ", …" : ""}\n`,
    );
  }
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  io.stdout("Next: rosterform plan (it should show no changes).\n");
  return ExitCode.Ok;
}

async function writeNewFiles(
  users: readonly ExportedUser[],
  outDir: string,
  options: ImportOptions,
  io: Io,
): Promise<{ written: number; skipped: string[] }> {
  await mkdir(outDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new RosterformError(
      `cannot create ${relative(io.cwd, outDir) || "."}/ (${error.code ?? error.message})`,
    );
  });
  const schema = relative(outDir, join(options.dir, "schemas", "user.schema.json"))
    .split("\\")
    .join("/");
  const names = fileNames(users);
  let written = 0;
  const skipped: string[] = [];
  for (const user of users) {
    const file = join(outDir, names.get(user)!);
    const text = `# yaml-language-server: $schema=${schema}\n${stringify(user.document, { lineWidth: 0 })}`;
    try {
      await writeOutputFile(file, text, {
        overwrite: options.overwrite === true,
        shown: relative(io.cwd, file),
      });
      written++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      skipped.push(relative(io.cwd, file));
    }
  }
  return { written, skipped };
}

async function saveAll(files: ReadonlyMap<DesiredUser, string>, dir: string): Promise<void> {
  for (const [person, text] of files) await writeFile(join(dir, person.source.file), text);
}

/**
 * After fields were added to people's files, every other configured target with a `pinned` hook says what its own
 * block needs so that what it is sent stays as it was.
 */
async function pinOtherTargets(
  options: ImportOptions,
  changed: readonly DesiredUser[],
  before: readonly DesiredUser[],
  io: Io,
): Promise<{ person: DesiredUser; fields: Record<string, unknown> }[]> {
  if (changed.length === 0) return [];
  const after = await loadDesired(options.dir, undefined, io);
  const others = TARGETS.filter((t) => t.name !== options.target && t.pinned && after.config.targets[t.name]);
  if (others.length === 0) return [];
  const byFile = new Map(after.users.map((u) => [u.source.file, u]));
  const out: { person: DesiredUser; fields: Record<string, unknown> }[] = [];
  for (const person of changed) {
    const now = byFile.get(person.source.file);
    if (!now || !before.includes(person)) continue;
    for (const module of others) {
      const fields = module.pinned!(person, now);
      if (fields) out.push({ person, fields: { [module.name]: fields } });
    }
  }
  return out;
}

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

async function readDefaults(dir: string): Promise<Record<string, unknown>> {
  try {
    const doc = parse(await readFile(join(dir, "rosterform.yaml"), "utf8")) as { defaults?: unknown } | null;
    const defaults = doc?.defaults;
    return defaults && typeof defaults === "object" ? (defaults as Record<string, unknown>) : {};
  } catch (error) {
    throw new RosterformError(`cannot read rosterform.yaml defaults: ${(error as Error).message}`);
  }
}

/** username.yaml, made safe for every file system, unique even when two usernames fold to one name. */
function fileNames(users: readonly ExportedUser[]): Map<ExportedUser, string> {
  const names = new Map<ExportedUser, string>();
  const used = new Set<string>();
  for (const user of users) {
    const base = user.username.replace(/[^A-Za-z0-9._@+-]/g, "_").replace(/^\.+/, "_") || "user";
    let name = `${base}.yaml`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}.yaml`;
    used.add(name.toLowerCase());
    names.set(user, name);
  }
  return names;
}
