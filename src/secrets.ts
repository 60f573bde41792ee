// Secrets come only from the environment: NAME itself, or a file named by NAME_FILE (Docker/Kubernetes secrets).
import { readFileSync } from "node:fs";
import { RosterformError } from "./errors.js";

/** The secret, or undefined when neither NAME nor NAME_FILE is set. `what` names it in errors ("API token"). */
export function secretFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  what: string,
): string | undefined {
  const direct = env[name];
  if (direct) return direct;
  const file = env[`${name}_FILE`];
  if (!file) return undefined;
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RosterformError(
      `${name}_FILE names ${file}, which cannot be read (${code === "ENOENT" ? "no such file" : (code ?? "error")}): point it at the file holding the ${what}, or set ${name} instead`,
    );
  }
  if (!secret) throw new RosterformError(`${name}_FILE ${file} is empty: put the ${what} in it`);
  return secret;
}
