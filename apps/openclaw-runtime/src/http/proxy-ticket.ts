import { keysMatch } from "@openclaw-cloud/http-kit";

/**
 * Short-lived tickets that let a tenant's own devices and the Control UI through the
 * gateway proxy. A ticket names one tenant and an expiry and is HMAC-signed with the
 * runtime's PROXY_TICKET_SECRET; it is not the gateway token and grants nothing else.
 */
const encoder = new TextEncoder();

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = "";
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

async function sign(secret: string, payload: string): Promise<string> {
  return base64url(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(payload)));
}

export async function issueProxyTicket(secret: string, tenantId: string, expiresAt: number): Promise<string> {
  const payload = `${tenantId}.${expiresAt}`;
  return `${payload}.${await sign(secret, payload)}`;
}

/** True only for an unexpired ticket signed for exactly this tenant. */
export async function verifyProxyTicket(secret: string, ticket: string, tenantId: string, now: number): Promise<boolean> {
  const parts = ticket.split(".");
  if (parts.length !== 3) return false;
  const [ticketTenant, expiry, signature] = parts as [string, string, string];
  if (ticketTenant !== tenantId || !/^\d{1,15}$/.test(expiry) || Number(expiry) <= now) return false;
  return keysMatch(signature, await sign(secret, `${ticketTenant}.${expiry}`));
}
