import { base64url, fromBase64url, utf8 } from "./encoding.ts";

/** The local sign-in's cookie (only when WorkOS is not configured). */
export const LOCAL_SESSION_COOKIE = "oc_session";
export const LOCAL_SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

interface LocalSessionPayload {
  /** User id. */
  u: string;
  /** Expiry, seconds since the epoch. */
  e: number;
}

function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

/** `<payload>.<HMAC-SHA256(payload)>`, both base64url. */
export async function signLocalSession(userId: string, secret: string, nowMs: number): Promise<string> {
  const payload = base64url(utf8(JSON.stringify({ u: userId, e: Math.floor(nowMs / 1000) + LOCAL_SESSION_TTL_SECONDS } satisfies LocalSessionPayload)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), utf8(payload));
  return `${payload}.${base64url(signature)}`;
}

/** The user id of a valid, unexpired cookie; null otherwise. HMAC verify is constant time. */
export async function verifyLocalSession(cookie: string, secret: string, nowMs: number): Promise<string | null> {
  const [payload, signature, extra] = cookie.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const signatureBytes = fromBase64url(signature);
  if (!signatureBytes || !(await crypto.subtle.verify("HMAC", await hmacKey(secret), signatureBytes, utf8(payload)))) return null;
  const json = fromBase64url(payload);
  if (!json) return null;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(json)) as Partial<LocalSessionPayload>;
    if (typeof parsed.u !== "string" || typeof parsed.e !== "number" || parsed.e * 1000 <= nowMs) return null;
    return parsed.u;
  } catch {
    return null;
  }
}
