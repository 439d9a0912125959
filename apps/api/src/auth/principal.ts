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

/** Work to run as soon as the caller's user id is known (the rate limit), alongside loading their record. */
export type AlongsideAuth = (userId: string) => Promise<void>;

/**
 * Resolves the caller, trying the three ways in a fixed order: the internal key (a wrong
 * one is refused outright, never retried as something else), a Bearer API token, then
 * the website session cookie (WorkOS when configured, else the local sign-in).
 * Null when the request carries no credentials at all. `alongside` runs concurrently
 * with the user lookup where the id is known first, saving a round trip per request.
 */
export async function authenticate(c: ApiContext, alongside: AlongsideAuth): Promise<Principal | null> {
  const convex = c.get("convex");
  const settings = c.get("settings");
  const found = await findUser(c, convex, alongside);
  if (!found) return null;
  const admin = isAdmin(found.user, settings.adminEmails);
  return { ...found, admin, access: hasAccess(found.user, admin) };
}

/** The user's record with `alongside` run at the same time; a missing record is a 401. */
async function userWith(convex: ConvexClient, userId: string, alongside: AlongsideAuth, failure: string): Promise<User> {
  const [user] = await Promise.all([convex.getUser(userId), alongside(userId)]);
  if (!user) throw new ApiError("unauthorized", 401, failure);
  return user;
}

async function findUser(c: ApiContext, convex: ConvexClient, alongside: AlongsideAuth): Promise<Omit<Principal, "admin" | "access"> | null> {
  const internalKey = c.req.header("x-oa-internal-key");
  if (internalKey !== undefined) {
    const user = await internalUser(c, convex, internalKey);
    await alongside(user.id);
    return { user, via: "internal" };
  }

  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? "";
    const resolved = looksLikeApiToken(token) ? await convex.resolveApiToken(await hashApiToken(token)) : null;
    if (!resolved) throw new ApiError("unauthorized", 401, "unknown or revoked API token");
    return { user: await userWith(convex, resolved.userId, alongside, "unknown or revoked API token"), via: "token", tokenId: resolved.tokenId };
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
    await alongside(user.id);
    return { user, via: "session", ...(identity.refreshedSession ? { refreshedSession: identity.refreshedSession } : {}) };
  }

  const local = settings.localSignIn ? getCookie(c, LOCAL_SESSION_COOKIE) : undefined;
  if (!local) return null;
  const userId = await verifyLocalSession(local, c.env.SESSION_SECRET, Date.now());
  if (!userId) throw new ApiError("unauthorized", 401, "session expired, sign in again");
  return { user: await userWith(convex, userId, alongside, "session expired, sign in again"), via: "session" };
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
