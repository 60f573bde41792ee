// rosterform import: write one users.d file per server user, so that plan right after is empty.
import { mkdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { RosterformError } from "../errors.js";
import { ExitCode, progress, type Io } from "../io.js";
import { writeOutputFile } from "../output-file.js";
import type { ExportedUser } from "../core/provider.js";
import type { TargetName } from "../targets.js";
import { loadDesired, openTarget } from "./planning.js";

export interface ImportOptions {
  dir: string;
  target: TargetName;
  /** Folder to write to, relative to the working directory; default DIR/users.d. */
  out?: string;
  overwrite?: boolean;
  timeoutMs?: number;
}

export async function runImport(options: ImportOptions, io: Io): Promise<number> {
  const state = await loadDesired(options.dir, undefined, io);
  const defaults = await readDefaults(options.dir);
  const session = await openTarget(options.target, state, io, {
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  let users: ExportedUser[];
  try {
    users = session.provider.export(session.snapshot, defaults);
  } finally {
    await session.provider.close();
  }
  const outDir = options.out ? resolve(io.cwd, options.out) : join(options.dir, "users.d");
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
  const where = relative(io.cwd, outDir) || ".";
  io.stdout(`Wrote ${written} user file(s) to ${where}/ from ${session.provider.endpoint}.\n`);
  if (skipped.length > 0) {
    progress(
      io,
      `Kept ${skipped.length} existing file(s) (use --overwrite to replace): ${skipped.slice(0, 10).join(", ")}${skipped.length > 10 ? ", …" : ""}\n`,
    );
  }
  io.stdout("Next: rosterform plan (it should show no changes).\n");
  return ExitCode.Ok;
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
