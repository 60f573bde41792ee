// Proxies as companies have them: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lower case first, as curl and undici
// read them), taken from the run's environment; undici's EnvHttpProxyAgent does the routing and NO_PROXY matching.
import { RosterformError } from "../errors.js";
import { redact, registerSecret } from "../redact.js";

export interface ProxySettings {
  /** For http:// servers (and https:// ones when no HTTPS proxy is set). */
  httpProxy?: string;
  httpsProxy?: string;
  /** Comma- or space-separated hosts, domains (.example.com), host:port, or `*`. */
  noProxy?: string;
  /** Which variables they came from, for messages. */
  from: { http?: string; https?: string; no?: string };
}

function pick(env: Record<string, string | undefined>, name: string): [string, string] | undefined {
  for (const key of [name.toLowerCase(), name]) {
    const value = env[key]?.trim();
    if (value) return [key, value];
  }
  return undefined;
}

/** The proxy a variable names, checked; its credentials registered as secrets (never printed). */
function proxyUrl(variable: string, raw: string): string {
  // A bare host:port is what many people write; curl reads it as http://.
  const value = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RosterformError(
      `${variable} "${redact(raw)}" is not a proxy address; write it like http://proxy.example.com:3128 (or http://user:password@proxy.example.com:3128)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RosterformError(
      `${variable} ${redact(raw)}: only http:// and https:// proxies are supported, not ${url.protocol}//`,
    );
  }
  registerSecret(url.password);
  registerSecret(decodeURIComponent(url.password));
  if (url.username && url.password) {
    registerSecret(
      Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString(
        "base64",
      ),
    );
  }
  return value;
}

/** The proxy settings of an environment, or undefined when it names no proxy. */
export function proxyFromEnv(env: Record<string, string | undefined>): ProxySettings | undefined {
  const http = pick(env, "HTTP_PROXY");
  const https = pick(env, "HTTPS_PROXY");
  if (!http && !https) return undefined;
  const no = pick(env, "NO_PROXY");
  return {
    ...(http ? { httpProxy: proxyUrl(http[0], http[1]) } : {}),
    ...(https ? { httpsProxy: proxyUrl(https[0], https[1]) } : {}),
    ...(no ? { noProxy: no[1] } : {}),
    from: {
      ...(http ? { http: http[0] } : {}),
      ...(https ? { https: https[0] } : {}),
      ...(no ? { no: no[0] } : {}),
    },
  };
}

/** "the proxy http://proxy:3128 (HTTPS_PROXY)" for a server address, credentials redacted; undefined if none. */
export function describeProxy(settings: ProxySettings | undefined, protocol: string): string | undefined {
  if (!settings) return undefined;
  const [uri, variable] =
    protocol === "https:" && settings.httpsProxy
      ? [settings.httpsProxy, settings.from.https]
      : [settings.httpProxy, settings.from.http];
  if (!uri) return undefined;
  return `the proxy ${redact(uri)} (${variable ?? "proxy"})`;
}
