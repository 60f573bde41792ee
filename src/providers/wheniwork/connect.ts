// When I Work's settings from rosterform.yaml and the environment. Tokens come only from the environment.
import type { WhenIWorkTargetConfig } from "./settings.js";
import { RosterformError } from "../../errors.js";
import { checkServerUrl } from "../../net.js";
import { secretFromEnv } from "../../secrets.js";

export const DEFAULT_WHENIWORK_URL = "https://api.wheniwork.com";

export interface WhenIWorkConnection {
  url: string;
  token: string;
  /** W-UserId: which account (workplace) to act in, for a login with several. */
  userId?: string;
}

export function whenIWorkConnection(
  config: WhenIWorkTargetConfig,
  env: Readonly<Record<string, string | undefined>>,
): WhenIWorkConnection {
  const rawUrl = env.WHENIWORK_URL || config.url || DEFAULT_WHENIWORK_URL;
  const source = env.WHENIWORK_URL ? "WHENIWORK_URL" : "targets.wheniwork.url";
  const url = checkServerUrl(rawUrl, source);
  const parsed = new URL(url);
  if (/\/2\/*$/.test(parsed.pathname)) {
    const base = `${parsed.origin}${parsed.pathname.replace(/\/2\/*$/, "")}`;
    throw new RosterformError(
      `${source} ends in /2: rosterform adds /2/ to every request itself; drop it and write ${base}`,
    );
  }
  const token = secretFromEnv(env, "WHENIWORK_TOKEN", "token");
  if (!token) {
    throw new RosterformError(
      "WHENIWORK_TOKEN is not set: log in with your developer key (POST https://api.login.wheniwork.com/login) and export the token as WHENIWORK_TOKEN, or name a file holding it in WHENIWORK_TOKEN_FILE",
    );
  }
  const userId = env.WHENIWORK_USER_ID;
  if (userId !== undefined && userId !== "" && !/^\d+$/.test(userId)) {
    throw new RosterformError(
      `WHENIWORK_USER_ID "${userId}" must be the numeric id of your user in the account`,
    );
  }
  return { url, token, ...(userId ? { userId } : {}) };
}
