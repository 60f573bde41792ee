// Certificate failures said as what they are, with what fixes them; never retried (they do not pass by waiting).
import { RosterformError } from "../errors.js";

/** The certificate chain does not lead to a CA this machine trusts: a private CA, or a TLS-inspecting proxy. */
const UNTRUSTED = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);
const EXPIRED = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);

export class TlsError extends RosterformError {}

/** The TLS failure behind a transport error (undici may wrap it), or undefined when it is none. */
export function tlsError(error: unknown, origin: string, service: string): TlsError | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    const detail = e instanceof Error ? e.message : code;
    if (UNTRUSTED.has(code)) {
      return new TlsError(
        `the certificate of ${origin} is not trusted (${detail}): if your ${service} uses a private CA (or a proxy inspects TLS), set NODE_EXTRA_CA_CERTS=/path/ca.pem (the CA certificate, PEM)`,
      );
    }
    if (EXPIRED.has(code)) {
      return new TlsError(
        `the certificate of ${origin} is not valid now (${detail}): the server's certificate must be renewed (or this machine's clock is wrong)`,
      );
    }
    if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
      return new TlsError(
        `the certificate of ${origin} is for another name (${detail}): use the address the certificate names`,
      );
    }
    if (code.startsWith("ERR_SSL_")) {
      return new TlsError(
        `no TLS connection to ${origin} (${detail}): is it an https:// server on that port?`,
      );
    }
  }
  return undefined;
}
