import type { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { HttpError } from "@openclaw-cloud/http-kit";
import { WORKOS_SESSION_COOKIE, authorizationUrl, sealedSessionFromCode } from "@openclaw-cloud/workos-auth";
import { signInMethod, type WebEnv } from "../env.ts";
import { safeReturnTo } from "./return-to.ts";
import { SIGN_IN_STATE_COOKIE, SIGN_IN_STATE_TTL_SECONDS, decodeSignInState, encodeSignInState, newNonce } from "./sign-in-state.ts";

/** How long the sealed WorkOS session cookie is kept; WorkOS's refresh token decides how long it stays valid. */
const SESSION_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The app's own sign-in screen: the local form, or what went wrong on the way back from AuthKit. */
function signInPage(returnTo: string, error?: string): string {
  const query = new URLSearchParams({ ...(returnTo !== "/" ? { returnTo } : {}), ...(error ? { error } : {}) });
  return `/sign-in${query.size ? `?${query}` : ""}`;
}

/**
 * `/auth/*`: signing in and out on the server. With WorkOS, `/auth/sign-in` sends the
 * browser to AuthKit and `/auth/callback` exchanges the code for the sealed `wos-session`
 * cookie that the api verifies. Without WorkOS, in local development, `/auth/sign-in`
 * leads to the app's local sign-in form (which posts to the api's local sign-in).
 */
export function authRoutes(app: Hono<{ Bindings: WebEnv }>): void {
  app.get("/auth/config", (c) => c.json({ method: signInMethod(c.env).kind }, 200, { "cache-control": "no-store" }));

  app.get("/auth/sign-in", (c) => {
    const returnTo = safeReturnTo(c.req.query("returnTo"));
    const method = signInMethod(c.env);
    if (method.kind !== "workos") return c.redirect(signInPage(returnTo, method.kind === "none" ? "not_configured" : undefined), 302);
    const nonce = newNonce();
    const url = new URL(c.req.url);
    setCookie(c, SIGN_IN_STATE_COOKIE, encodeSignInState({ nonce, returnTo }), {
      httpOnly: true,
      sameSite: "Lax",
      secure: url.protocol === "https:",
      path: "/auth",
      maxAge: SIGN_IN_STATE_TTL_SECONDS,
    });
    return c.redirect(authorizationUrl(method.workos, { redirectUri: `${url.origin}/auth/callback`, state: nonce }), 302);
  });

  app.get("/auth/callback", async (c) => {
    const method = signInMethod(c.env);
    if (method.kind !== "workos") return c.redirect(signInPage("/"), 302);
    const kept = decodeSignInState(getCookie(c, SIGN_IN_STATE_COOKIE));
    deleteCookie(c, SIGN_IN_STATE_COOKIE, { path: "/auth" });
    const code = c.req.query("code");
    if (c.req.query("error")) return c.redirect(signInPage(kept?.returnTo ?? "/", "cancelled"), 302);
    if (!kept || !code || c.req.query("state") !== kept.nonce) return c.redirect(signInPage(kept?.returnTo ?? "/", "state_mismatch"), 302);
    try {
      const { sealedSession } = await sealedSessionFromCode(method.workos, code);
      setCookie(c, WORKOS_SESSION_COOKIE, sealedSession, {
        httpOnly: true,
        sameSite: "Lax",
        secure: new URL(c.req.url).protocol === "https:",
        path: "/",
        maxAge: SESSION_COOKIE_MAX_AGE_SECONDS,
      });
      return c.redirect(safeReturnTo(kept.returnTo), 302);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return c.redirect(signInPage(kept.returnTo, error.code), 302);
    }
  });

  // POST only: a link or image elsewhere cannot sign a person out. The api clears both
  // session cookies and says where WorkOS ends its own session; the app goes there next
  // (a script navigation: the site's CSP lets forms submit to this origin only).
  app.post("/auth/sign-out", async (c) => {
    const signOut = new URL("/api/auth/sign-out", c.req.url);
    signOut.searchParams.set("returnTo", new URL("/", c.req.url).toString());
    const answer = await c.env.API.fetch(new Request(signOut, { method: "POST", headers: { cookie: c.req.header("cookie") ?? "" } }));
    const { logoutUrl } = (await answer.json().catch(() => ({}))) as { logoutUrl?: string | null };
    const response = Response.json({ signedOut: true, redirectTo: logoutUrl ?? "/" }, { headers: { "cache-control": "no-store" } });
    for (const cookie of answer.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
    return response;
  });
}
