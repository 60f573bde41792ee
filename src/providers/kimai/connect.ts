// Kimai's settings from rosterform.yaml and the environment. Tokens come only from the environment.
import { readFileSync } from "node:fs";
import type { KimaiTargetConfig } from "../../core/model.js";
import { RosterformError } from "../../errors.js";
import { checkServerUrl } from "../../net.js";

export interface KimaiConnection {
  url: string;
  token: string;
}

export function kimaiConnection(
  config: KimaiTargetConfig,
  env: Readonly<Record<string, string | undefined>>,
): KimaiConnection {
  const rawUrl = env.KIMAI_URL || config.url;
  if (!rawUrl) {
    throw new RosterformError(
      "no Kimai URL: set targets.kimai.url in rosterform.yaml or KIMAI_URL in the environment",
    );
  }
  const url = checkServerUrl(rawUrl, env.KIMAI_URL ? "KIMAI_URL" : "targets.kimai.url");
  let token = env.KIMAI_API_TOKEN;
  if (!token && env.KIMAI_API_TOKEN_FILE) {
    try {
      token = readFileSync(env.KIMAI_API_TOKEN_FILE, "utf8").trim();
    } catch (error) {
      throw new RosterformError(
        `cannot read KIMAI_API_TOKEN_FILE ${env.KIMAI_API_TOKEN_FILE}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
  }
  if (!token) {
    throw new RosterformError(
      "KIMAI_API_TOKEN is not set: create an API token in Kimai (avatar → API access) for a super-admin and export KIMAI_API_TOKEN, or name a file holding it in KIMAI_API_TOKEN_FILE",
    );
  }
  return { url, token };
}
