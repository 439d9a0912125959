import { getCookie } from "hono/cookie";
import { keysMatch } from "@openclaw-cloud/http-kit";
import type { ConvexClient, User } from "@openclaw-cloud/convex-client";
import { ApiError } from "../http/api-error.ts";
import type { ApiContext } from "../http/context.ts";
import { hasAccess, isAdmin } from "./access.ts";
import { hashApiToken, looksLikeApiToken } from "./api-token.ts";
import { LOCAL_SESSION_COOKIE, verifyLocalSession } from "./local-session.ts";
import { WORKOS_SESSION_COOKIE, workosIdentity } from "./workos-session.ts";

export type AuthMethod = "session" | "token" | "internal";

/** Who is calling, resolved once per request. */
export interface Principal {
  user: User;
  via: AuthMethod;
  admin: boolean;
  access: boolean;
  /** The API token used, for `via: "token"`. */
  tokenId?: string;
  /** A refreshed WorkOS session to hand back as the new cookie. */
  refreshedSession?: string;
}

const UserIdHeader = /^[\w|:.@+-]{1,256}$/;

/**
 * Resolves the caller, trying the three ways in a fixed order: the internal key (a wrong
 * one is refused outright, never retried as something else), a Bearer API token, then
 * the website session cookie (WorkOS when configured, else the local sign-in).
 * Null when the request carries no credentials at all.
 */
export async function authenticate(c: ApiContext): Promise<Principal | null> {
  const convex = c.get("convex");
  const settings = c.get("settings");
  const found = await findUser(c, convex);
  if (!found) return null;
  const admin = isAdmin(found.user, settings.adminEmails);
  return { ...found, admin, access: hasAccess(found.user, admin) };
}

async function findUser(c: ApiContext, convex: ConvexClient): Promise<Omit<Principal, "admin" | "access"> | null> {
  const internalKey = c.req.header("x-oa-internal-key");
  if (internalKey !== undefined) return { user: await internalUser(c, convex, internalKey), via: "internal" };

  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? "";
    const resolved = looksLikeApiToken(token) ? await convex.resolveApiToken(await hashApiToken(token)) : null;
    const user = resolved ? await convex.getUser(resolved.userId) : null;
    if (!resolved || !user) throw new ApiError("unauthorized", 401, "unknown or revoked API token");
    return { user, via: "token", tokenId: resolved.tokenId };
  }

  const settings = c.get("settings");
  if (settings.workos) {
    const sealed = getCookie(c, WORKOS_SESSION_COOKIE);
    if (!sealed) return null;
    const identity = await workosIdentity(sealed, settings.workos);
    if (!identity) throw new ApiError("unauthorized", 401, "session expired, sign in again");
    const known = await convex.getUserByWorkosId(identity.workosUserId);
    const user =
      known && known.email === identity.email.toLowerCase()
        ? known
        : await convex.upsertUser({ workosUserId: identity.workosUserId, email: identity.email, ...(identity.name ? { name: identity.name } : {}) });
    return { user, via: "session", ...(identity.refreshedSession ? { refreshedSession: identity.refreshedSession } : {}) };
  }

  const local = settings.localSignIn ? getCookie(c, LOCAL_SESSION_COOKIE) : undefined;
  if (!local) return null;
  const userId = await verifyLocalSession(local, c.env.SESSION_SECRET, Date.now());
  const user = userId ? await convex.getUser(userId) : null;
  if (!user) throw new ApiError("unauthorized", 401, "session expired, sign in again");
  return { user, via: "session" };
}

/**
 * Server-to-server: the caller proves itself with the shared internal key and names the
 * user by WorkOS user id. A caller that also sends the user's email (and name) registers
 * the user on first contact, as the website's sign-in would.
 */
async function internalUser(c: ApiContext, convex: ConvexClient, presentedKey: string): Promise<User> {
  if (!c.env.OA_INTERNAL_KEY) throw new ApiError("internal_error", 500, "api is missing OA_INTERNAL_KEY");
  if (!(await keysMatch(presentedKey, c.env.OA_INTERNAL_KEY))) throw new ApiError("unauthorized", 401, "wrong X-OA-Internal-Key");
  const workosUserId = c.req.header("x-oa-user-id") ?? "";
  if (!UserIdHeader.test(workosUserId)) throw new ApiError("unauthorized", 401, "X-OA-User-Id must name a user");
  const email = c.req.header("x-oa-user-email")?.trim().toLowerCase();
  const known = await convex.getUserByWorkosId(workosUserId);
  if (known && (!email || known.email === email)) return known;
  if (!email) throw new ApiError("unauthorized", 401, "unknown user: send X-OA-User-Email to register them");
  const name = c.req.header("x-oa-user-name")?.trim();
  return convex.upsertUser({ workosUserId, email, ...(name ? { name } : {}) });
}
