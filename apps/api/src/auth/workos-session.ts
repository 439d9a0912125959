import { WorkOS } from "@workos-inc/node";
import type { ApiSettings } from "../env.ts";
import { ApiError } from "../http/api-error.ts";

/** AuthKit's default session cookie, holding the session sealed with WORKOS_COOKIE_PASSWORD. */
export const WORKOS_SESSION_COOKIE = "wos-session";

export type WorkosConfig = NonNullable<ApiSettings["workos"]>;

export interface WorkosIdentity {
  workosUserId: string;
  email: string;
  name?: string;
  /** Set when the access token had expired and the session was refreshed: the new cookie value. */
  refreshedSession?: string;
}

/** One client per configuration and isolate: it caches WorkOS's JWKS between requests. */
const clients = new Map<string, WorkOS>();

function clientFor(config: WorkosConfig): WorkOS {
  const cacheKey = `${config.clientId}\n${config.baseUrl ?? ""}\n${config.apiKey}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const base = config.baseUrl ? new URL(config.baseUrl) : null;
    client = new WorkOS(config.apiKey, {
      clientId: config.clientId,
      issuer: `${base ? base.origin : "https://api.workos.com"}/user_management/${config.clientId}`,
      ...(base ? { apiHostname: base.hostname, https: base.protocol === "https:", ...(base.port ? { port: Number(base.port) } : {}) } : {}),
      maxRetries: 1,
      timeout: 10_000,
    });
    clients.set(cacheKey, client);
  }
  return client;
}

function identityOf(user: { id: string; email: string; firstName?: string | null; lastName?: string | null }): WorkosIdentity {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return { workosUserId: user.id, email: user.email, ...(name ? { name } : {}) };
}

/**
 * Verifies an AuthKit sealed session with `@workos-inc/node`: unseals it, checks the
 * access token against WorkOS's JWKS and, when the access token has expired, refreshes
 * the session once with its refresh token. Null when the cookie is not a valid session.
 */
export async function workosIdentity(sealedSession: string, config: WorkosConfig): Promise<WorkosIdentity | null> {
  const session = clientFor(config).userManagement.loadSealedSession({ sessionData: sealedSession, cookiePassword: config.cookiePassword });
  try {
    const result = await session.authenticate();
    if (result.authenticated) return identityOf(result.user);
    if (result.reason !== "invalid_jwt") return null;
    const refreshed = await session.refresh();
    if (!refreshed.authenticated || !refreshed.sealedSession) return null;
    return { ...identityOf(refreshed.user), refreshedSession: refreshed.sealedSession };
  } catch (error) {
    // WorkOS (its JWKS or token endpoint) did not answer: not the user's fault.
    console.error("workos session check failed", error instanceof Error ? error.message : String(error));
    throw new ApiError("auth_unavailable", 503, "sign-in service unavailable, try again");
  }
}

/** Where to send the browser to end the WorkOS session too; null if the cookie is not valid. */
export async function workosLogoutUrl(sealedSession: string, config: WorkosConfig): Promise<string | null> {
  try {
    return await clientFor(config).userManagement.loadSealedSession({ sessionData: sealedSession, cookiePassword: config.cookiePassword }).getLogoutUrl();
  } catch {
    return null;
  }
}
