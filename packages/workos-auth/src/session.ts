import { HttpError } from "@openclaw-cloud/http-kit";
import { workosClient, type WorkosConfig } from "./client.ts";

/** AuthKit's default session cookie, holding the session sealed with the cookie password. */
export const WORKOS_SESSION_COOKIE = "wos-session";

export interface WorkosIdentity {
  workosUserId: string;
  email: string;
  name?: string;
  /** Set when the access token had expired and the session was refreshed: the new cookie value. */
  refreshedSession?: string;
}

function identityOf(user: { id: string; email: string; firstName?: string | null; lastName?: string | null }): WorkosIdentity {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return { workosUserId: user.id, email: user.email, ...(name ? { name } : {}) };
}

/**
 * Verifies an AuthKit sealed session: unseals it, checks the access token against
 * WorkOS's JWKS and, when the access token has expired, refreshes the session once with
 * its refresh token. Null when the cookie is not a valid session; `auth_unavailable`
 * (503) when WorkOS did not answer, which is not the user's fault.
 */
export async function workosIdentity(sealedSession: string, config: WorkosConfig): Promise<WorkosIdentity | null> {
  const session = workosClient(config).userManagement.loadSealedSession({ sessionData: sealedSession, cookiePassword: config.cookiePassword });
  try {
    const result = await session.authenticate();
    if (result.authenticated) return identityOf(result.user);
    if (result.reason !== "invalid_jwt") return null;
    const refreshed = await session.refresh();
    if (!refreshed.authenticated || !refreshed.sealedSession) return null;
    return { ...identityOf(refreshed.user), refreshedSession: refreshed.sealedSession };
  } catch (error) {
    console.error("workos session check failed", error instanceof Error ? error.message : String(error));
    throw new HttpError("auth_unavailable", 503, "sign-in service unavailable, try again");
  }
}

/**
 * Where to send the browser to end the WorkOS session too, and where WorkOS sends it back
 * afterwards (`returnTo`); null if the cookie is not valid.
 */
export async function workosLogoutUrl(sealedSession: string, config: WorkosConfig, returnTo?: string): Promise<string | null> {
  try {
    const session = workosClient(config).userManagement.loadSealedSession({ sessionData: sealedSession, cookiePassword: config.cookiePassword });
    return await session.getLogoutUrl(returnTo ? { returnTo } : {});
  } catch {
    return null;
  }
}
