import { readProxyPass, type ProxyPass } from "./proxy-ticket.ts";

/**
 * The Control UI's session on the tenant's own origin: a signed `control-ui-session` pass
 * in a cookie, set when a Control UI ticket is redeemed.
 * - Host-only (no Domain) and, over HTTPS, `__Host-` prefixed, so another host (another
 *   tenant's origin included) can neither read it nor plant one in its place.
 * - HttpOnly: the Control UI's own script never needs it (its WebSocket sends it by itself).
 * - SameSite=Lax, not Strict: the person arrives by a link from the website, and Strict
 *   would withhold the cookie from the page load that the redeeming redirect leads to.
 */
export const CONTROL_UI_SESSION_MS = 8 * 60 * 60 * 1000;

/** Plain HTTP (local development) cannot carry a `__Host-` cookie, which must be Secure. */
function cookieName(secure: boolean): string {
  return secure ? "__Host-occ_control_ui" : "occ_control_ui";
}

export function controlUiSessionCookie(session: string, secure: boolean): string {
  const attributes = ["Path=/", `Max-Age=${CONTROL_UI_SESSION_MS / 1000}`, "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  return [`${cookieName(secure)}=${session}`, ...attributes].join("; ");
}

/** The unexpired session for this tenant in a Cookie header, or null. */
export async function readControlUiSession(secret: string, cookieHeader: string | undefined, tenantId: string, secure: boolean, now: number): Promise<ProxyPass | null> {
  const name = `${cookieName(secure)}=`;
  for (const part of (cookieHeader ?? "").split(";")) {
    const cookie = part.trim();
    if (!cookie.startsWith(name)) continue;
    const pass = await readProxyPass(secret, cookie.slice(name.length), { tenantId, purpose: "control-ui-session" });
    if (pass && now < pass.expiresAt) return pass;
  }
  return null;
}
