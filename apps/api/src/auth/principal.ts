import { getCookie } from "hono/cookie";
import { keysMatch } from "@openclaw-cloud/http-kit";
import type { Account, ConvexClient, User } from "@openclaw-cloud/convex-client";
import { ApiError } from "../http/api-error.ts";
import type { ApiContext } from "../http/context.ts";
import { hasAccess, isAdmin } from "./access.ts";
import { hashApiToken, looksLikeApiToken } from "./api-token.ts";
import { LOCAL_SESSION_COOKIE, verifyLocalSession } from "./local-session.ts";
import { WORKOS_SESSION_COOKIE, workosIdentity } from "@openclaw-cloud/workos-auth";

export type AuthMethod = "session" | "token" | "internal";

/** Who is calling, resolved once per request. */
export interface Principal {
  user: User;
  /** The user's credit balance, read with their record: what a turn's credit check goes by. */
  balance: number;
  via: AuthMethod;
  admin: boolean;
  access: boolean;
  /** The API token used, for `via: "token"`. */
  tokenId?: string;
  /** A refreshed WorkOS session to hand back as the new cookie. */
  refreshedSession?: string;
}

const UserIdHeader = /^[\w|:.@+-]{1,256}$/;

/** Work to run as soon as the caller's user id is known (the rate limit), alongside or right after loading their account. */
export type AlongsideAuth = (userId: string) => Promise<void>;

/**
 * Resolves the caller, trying the three ways in a fixed order: the internal key (a wrong
 * one is refused outright, never retried as something else), a Bearer API token, then
 * the website session cookie (WorkOS when configured, else the local sign-in).
 * Null when the request carries no credentials at all. Each way reads the user's account
 * (record and balance) in one Convex call, a second only to register a user on first
 * contact. `alongside` runs concurrently with that call where the user id is known first
 * (the local session), right after it otherwise.
 */
export async function authenticate(c: ApiContext, alongside: AlongsideAuth): Promise<Principal | null> {
  const convex = c.get("convex");
  const settings = c.get("settings");
  const found = await findUser(c, convex, alongside);
  if (!found) return null;
  const admin = isAdmin(found.user, settings.adminEmails);
  return { ...found, admin, access: hasAccess(found.user, admin) };
}

async function findUser(c: ApiContext, convex: ConvexClient, alongside: AlongsideAuth): Promise<Omit<Principal, "admin" | "access"> | null> {
  const internalKey = c.req.header("x-oa-internal-key");
  if (internalKey !== undefined) {
    const account = await internalAccount(c, convex, internalKey);
    await alongside(account.user.id);
    return { ...account, via: "internal" };
  }

  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? "";
    const authenticated = looksLikeApiToken(token) ? await convex.authenticateApiToken(await hashApiToken(token)) : null;
    if (!authenticated) throw new ApiError("unauthorized", 401, "unknown or revoked API token");
    await alongside(authenticated.user.id);
    return { ...authenticated, via: "token" };
  }

  const settings = c.get("settings");
  if (settings.workos) {
    const sealed = getCookie(c, WORKOS_SESSION_COOKIE);
    if (!sealed) return null;
    const identity = await workosIdentity(sealed, settings.workos);
    if (!identity) throw new ApiError("unauthorized", 401, "session expired, sign in again");
    const known = await convex.getAccountByWorkosId(identity.workosUserId);
    const account =
      known && known.user.email === identity.email.toLowerCase()
        ? known
        : await convex.upsertUser({ workosUserId: identity.workosUserId, email: identity.email, ...(identity.name ? { name: identity.name } : {}) });
    await alongside(account.user.id);
    return { ...account, via: "session", ...(identity.refreshedSession ? { refreshedSession: identity.refreshedSession } : {}) };
  }

  const local = settings.localSignIn ? getCookie(c, LOCAL_SESSION_COOKIE) : undefined;
  if (!local) return null;
  const userId = await verifyLocalSession(local, c.env.SESSION_SECRET, Date.now());
  if (!userId) throw new ApiError("unauthorized", 401, "session expired, sign in again");
  const [account] = await Promise.all([convex.getAccount(userId), alongside(userId)]);
  if (!account) throw new ApiError("unauthorized", 401, "session expired, sign in again");
  return { ...account, via: "session" };
}

/**
 * Server-to-server: the caller proves itself with the shared internal key and names the
 * user by WorkOS user id. A caller that also sends the user's email (and name) registers
 * the user on first contact, as the website's sign-in would.
 */
async function internalAccount(c: ApiContext, convex: ConvexClient, presentedKey: string): Promise<Account> {
  if (!c.env.OA_INTERNAL_KEY) throw new ApiError("internal_error", 500, "api is missing OA_INTERNAL_KEY");
  if (!(await keysMatch(presentedKey, c.env.OA_INTERNAL_KEY))) throw new ApiError("unauthorized", 401, "wrong X-OA-Internal-Key");
  const workosUserId = c.req.header("x-oa-user-id") ?? "";
  if (!UserIdHeader.test(workosUserId)) throw new ApiError("unauthorized", 401, "X-OA-User-Id must name a user");
  const email = c.req.header("x-oa-user-email")?.trim().toLowerCase();
  const known = await convex.getAccountByWorkosId(workosUserId);
  if (known && (!email || known.user.email === email)) return known;
  if (!email) throw new ApiError("unauthorized", 401, "unknown user: send X-OA-User-Email to register them");
  const name = c.req.header("x-oa-user-name")?.trim();
  return convex.upsertUser({ workosUserId, email, ...(name ? { name } : {}) });
}
