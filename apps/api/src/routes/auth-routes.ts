import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { LOCAL_SESSION_COOKIE, LOCAL_SESSION_TTL_SECONDS, signLocalSession } from "../auth/local-session.ts";
import { WORKOS_SESSION_COOKIE, workosLogoutUrl } from "@openclaw-cloud/workos-auth";
import { ApiError } from "../http/api-error.ts";
import type { ApiApp } from "../http/context.ts";
import { publicUser } from "./views.ts";

const LocalSignInSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(256).optional(),
});

/** Identifies users of the local sign-in in `users.workosUserId`, apart from real WorkOS ids. */
export function localWorkosUserId(email: string): string {
  return `local|${email.toLowerCase()}`;
}

/** `value` if it is an absolute URL on the request's own origin (never a redirect elsewhere). */
function sameOriginUrl(value: string | undefined, requestUrl: string): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin === new URL(requestUrl).origin ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Sign-in and sign-out. These routes need no session (sign-out works with a stale one). */
export function authRoutes(app: ApiApp): void {
  // The local sign-in exists only in local development, and never next to WorkOS.
  app.post("/api/auth/local/sign-in", async (c) => {
    if (!c.get("settings").localSignIn) throw new ApiError("not_found", 404, "no such route");
    const { email, name } = await readJsonBody(c.req.raw, LocalSignInSchema);
    const { user } = await c.get("convex").upsertUser({ workosUserId: localWorkosUserId(email), email, ...(name ? { name } : {}) });
    setCookie(c, LOCAL_SESSION_COOKIE, await signLocalSession(user.id, c.env.SESSION_SECRET, Date.now()), {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      secure: new URL(c.req.url).protocol === "https:",
      maxAge: LOCAL_SESSION_TTL_SECONDS,
    });
    return c.json({ user: publicUser(user) });
  });

  // `?returnTo=` (a page of this site) is where WorkOS sends the browser after ending its session.
  app.post("/api/auth/sign-out", async (c) => {
    const workos = c.get("settings").workos;
    const sealed = getCookie(c, WORKOS_SESSION_COOKIE);
    const logoutUrl = workos && sealed ? await workosLogoutUrl(sealed, workos, sameOriginUrl(c.req.query("returnTo"), c.req.url)) : null;
    deleteCookie(c, LOCAL_SESSION_COOKIE, { path: "/" });
    deleteCookie(c, WORKOS_SESSION_COOKIE, { path: "/" });
    return c.json({ signedOut: true, logoutUrl });
  });
}
