import { keysMatch } from "@openclaw-cloud/http-kit";
import { RuntimeError } from "./errors.ts";

/**
 * Signed passes into a tenant's gateway proxy, HMAC-signed with the runtime's
 * PROXY_TICKET_SECRET. None is the gateway token and none grants anything but its purpose:
 * - `device`: a ticket a person's own device (an OpenClaw node, a mobile app) opens the
 *   gateway's WebSocket with; the first device to use it owns it (gateway/ticket-ledger.ts).
 * - `control-ui`: a ticket that opens the Control UI once, on the tenant's own origin,
 *   where it is exchanged for a `control-ui-session` cookie.
 * - `control-ui-session`: that cookie; it admits the Control UI's reads and WebSocket until it expires.
 * Each pass carries a random id, so the ledger can tell one ticket's uses apart.
 */
export const PROXY_PASS_PURPOSES = ["device", "control-ui", "control-ui-session"] as const;
export type ProxyPassPurpose = (typeof PROXY_PASS_PURPOSES)[number];

export interface ProxyPass {
  tenantId: string;
  purpose: ProxyPassPurpose;
  id: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const encoder = new TextEncoder();

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = "";
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

async function sign(secret: string, payload: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return base64url(await crypto.subtle.sign("HMAC", key, encoder.encode(payload)));
}

/** A fresh pass id: 128 random bits. */
export function newPassId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** `<tenant>.<purpose>.<id>.<expiresAt>.<signature>`; no part but the signature contains a dot. */
export async function signProxyPass(secret: string, pass: ProxyPass): Promise<string> {
  const payload = `${pass.tenantId}.${pass.purpose}.${pass.id}.${pass.expiresAt}`;
  return `${payload}.${await sign(secret, payload)}`;
}

/**
 * The pass in `token` when it is signed with `secret` for exactly this tenant and purpose;
 * null otherwise. Expiry is the caller's to judge: a device's pass outlives its ticket once
 * the device has claimed it.
 */
export async function readProxyPass(secret: string, token: string, expected: { tenantId: string; purpose: ProxyPassPurpose }): Promise<ProxyPass | null> {
  const parts = token.split(".");
  if (parts.length !== 5) return null;
  const [tenantId, purpose, id, expiry, signature] = parts as [string, string, string, string, string];
  if (tenantId !== expected.tenantId || purpose !== expected.purpose || !/^[A-Za-z0-9_-]{16,64}$/.test(id) || !/^\d{1,15}$/.test(expiry)) return null;
  if (!(await keysMatch(signature, await sign(secret, `${tenantId}.${purpose}.${id}.${expiry}`)))) return null;
  return { tenantId, purpose: expected.purpose, id, expiresAt: Number(expiry) };
}

/**
 * The header that carries a pass from the runtime worker in front, which verified it
 * (index.ts), to the tenant's Durable Object; the worker removes any a client sent.
 */
export const PROXY_PASS_HEADER = "x-oa-proxy-pass";

/** The pass in PROXY_PASS_HEADER, if it is for one of `purposes` (401 otherwise: the request never came through the worker with one). */
export function proxyPass(header: string | null, purposes: readonly ProxyPassPurpose[]): ProxyPass {
  try {
    const pass = JSON.parse(header ?? "") as ProxyPass;
    if (purposes.includes(pass.purpose)) return pass;
  } catch {
    // fall through
  }
  throw new RuntimeError("unauthorized", 401, "this needs a ticket for another purpose");
}
