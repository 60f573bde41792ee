// Kimai's settings from rosterform.yaml and the environment. Tokens come only from the environment.
import type { KimaiTargetConfig } from "./settings.js";
import { RosterformError } from "../../errors.js";
import { checkServerUrl } from "../../net.js";
import { secretFromEnv } from "../../secrets.js";

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
  const token = secretFromEnv(env, "KIMAI_API_TOKEN", "API token");
  if (!token) {
    throw new RosterformError(
      "KIMAI_API_TOKEN is not set: create an API token in Kimai as a super-admin (avatar → API access) and set it as KIMAI_API_TOKEN (in CI: a secret of that name), or name a file holding it in KIMAI_API_TOKEN_FILE",
    );
  }
  return { url, token };
}
