import type { WorkosConfig } from "@openclaw-cloud/workos-auth";

/** Bindings, vars and secrets of the web worker (see wrangler.jsonc and docs/operations.md). */
export interface WebEnv {
  /** The built React app (Workers Static Assets). */
  ASSETS: Fetcher;
  /** Service binding to the `openclaw-api` worker: everything under /api/* and /gateway/*. */
  API: Fetcher;
  /** WorkOS AuthKit; when the API key and client id are unset, the local sign-in may be on instead. */
  WORKOS_API_KEY?: string;
  WORKOS_CLIENT_ID?: string;
  /** Seals the `wos-session` cookie; must equal the api worker's. */
  WORKOS_COOKIE_PASSWORD?: string;
  /** Only for a stand-in of WorkOS's API in tests. */
  WORKOS_API_BASE_URL?: string;
  /** "true" in local development only: the local sign-in form, and only while WorkOS is not configured. */
  ALLOW_LOCAL_SIGN_IN?: string;
}

/** How people sign in here: WorkOS AuthKit, the local form (development only), or not at all. */
export type SignInMethod = { kind: "workos"; workos: WorkosConfig } | { kind: "local" } | { kind: "none" };

/** Pure, so it is tested without bindings. The local sign-in never stands next to WorkOS. */
export function signInMethod(env: Partial<WebEnv>): SignInMethod {
  if (env.WORKOS_API_KEY && env.WORKOS_CLIENT_ID && env.WORKOS_COOKIE_PASSWORD) {
    return {
      kind: "workos",
      workos: {
        apiKey: env.WORKOS_API_KEY,
        clientId: env.WORKOS_CLIENT_ID,
        cookiePassword: env.WORKOS_COOKIE_PASSWORD,
        ...(env.WORKOS_API_BASE_URL ? { baseUrl: env.WORKOS_API_BASE_URL } : {}),
      },
    };
  }
  return env.ALLOW_LOCAL_SIGN_IN === "true" ? { kind: "local" } : { kind: "none" };
}
