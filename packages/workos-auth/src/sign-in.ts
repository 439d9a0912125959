import { HttpError } from "@openclaw-cloud/http-kit";
import { workosClient, type WorkosConfig } from "./client.ts";

/**
 * Where to send the browser to sign in with AuthKit (WorkOS's hosted sign-in). `state`
 * comes back on the callback and must match what the caller kept (a cookie), so a
 * sign-in cannot be started by another site.
 */
export function authorizationUrl(config: WorkosConfig, options: { redirectUri: string; state: string }): string {
  return workosClient(config).userManagement.getAuthorizationUrl({
    provider: "authkit",
    clientId: config.clientId,
    redirectUri: options.redirectUri,
    state: options.state,
  });
}

/**
 * Exchanges the callback's authorization code for a session sealed with the cookie
 * password: the value of the `wos-session` cookie, which the api verifies on every request.
 * A code WorkOS refuses is the caller's `unauthorized`; WorkOS not answering is `auth_unavailable`.
 */
export async function sealedSessionFromCode(config: WorkosConfig, code: string): Promise<{ sealedSession: string; email: string }> {
  let result: Awaited<ReturnType<ReturnType<typeof workosClient>["userManagement"]["authenticateWithCode"]>>;
  try {
    result = await workosClient(config).userManagement.authenticateWithCode({
      clientId: config.clientId,
      code,
      session: { sealSession: true, cookiePassword: config.cookiePassword },
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== undefined && status >= 400 && status < 500) throw new HttpError("unauthorized", 401, "the sign-in code was refused; sign in again");
    console.error("workos code exchange failed", error instanceof Error ? error.message : String(error));
    throw new HttpError("auth_unavailable", 503, "sign-in service unavailable, try again");
  }
  if (!result.sealedSession) throw new HttpError("auth_unavailable", 503, "sign-in service returned no session");
  return { sealedSession: result.sealedSession, email: result.user.email };
}
