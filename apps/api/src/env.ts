import { parseControlUiOrigins, type ControlUiOrigins } from "./control-ui/control-ui-origin.ts";
import type { UserLimits } from "./limits/user-limits.ts";
import type { TenantModelCredentials } from "@openclaw-cloud/contracts";

/** Bindings, vars and secrets of the API worker (see wrangler.jsonc and docs/operations.md). */
export interface ApiEnv {
  /** Service binding to the `openclaw-runtime` worker (HTTP). */
  RUNTIME: Fetcher;
  /**
   * The runtime worker's tenant Durable Objects (its `TenantRuntime` class, bound by
   * `script_name`), typed down to the one method the API calls on them: the model proxy's
   * credential check, over RPC.
   */
  TENANT_RUNTIME: { idFromName(name: string): DurableObjectId; get(id: DurableObjectId): TenantModelCredentials };
  /** Service binding to the `openclaw-agent` worker (durable chat threads). */
  AGENT: Fetcher;
  /** Per-user request rate and provisioning slot. */
  USER_LIMITS: DurableObjectNamespace<UserLimits>;
  CONVEX_URL: string;
  CONVEX_CONTROL_KEY: string;
  /** Shared with the runtime worker and with server-to-server callers. */
  OA_INTERNAL_KEY: string;
  /** HMAC key of the local sign-in cookie. */
  SESSION_SECRET: string;
  /** WorkOS AuthKit; when API key and client id are unset the local sign-in is on instead. */
  WORKOS_API_KEY?: string;
  WORKOS_CLIENT_ID?: string;
  WORKOS_COOKIE_PASSWORD?: string;
  /**
   * "true" in local development only: allows the local sign-in, and only while WorkOS is
   * not configured. Never set in production, so a missing WorkOS secret cannot open it.
   */
  ALLOW_LOCAL_SIGN_IN?: string;
  /** Only for a stand-in of WorkOS's API in tests, e.g. `http://127.0.0.1:4010`. */
  WORKOS_API_BASE_URL?: string;
  /** Comma-separated emails that are admins whatever their stored role. */
  ADMIN_EMAILS?: string;
  /** The platform's model for users without their own key (an OpenAI-compatible endpoint). */
  DEFAULT_MODEL_BASE_URL?: string;
  DEFAULT_MODEL?: string;
  DEFAULT_MODEL_API_KEY?: string;
  /**
   * Each tenant's Control UI origin, `{tenant}` standing for its tenant id:
   * `https://{tenant}.ui.example.net` (control-ui/control-ui-origin.ts). Unset: no Control UI.
   */
  CONTROL_UI_ORIGIN?: string;
  /** Token bucket per user: burst size and refill per second. */
  RATE_LIMIT_BURST?: string;
  RATE_LIMIT_PER_SECOND?: string;
  /** Local development only: a path prefix under which the runtime worker is reachable as is. */
  RUNTIME_PASSTHROUGH_PATH?: string;
}

export interface PlatformModel {
  baseUrl: string;
  model: string;
  apiKey?: string;
}

export interface ApiSettings {
  adminEmails: ReadonlySet<string>;
  platformModel: PlatformModel | null;
  rateLimit: { burst: number; perSecond: number };
  workos: { apiKey: string; clientId: string; cookiePassword: string; baseUrl?: string } | null;
  /** The local sign-in: allowed by ALLOW_LOCAL_SIGN_IN and WorkOS not configured. */
  localSignIn: boolean;
  /** Where tenants' Control UIs live; null when CONTROL_UI_ORIGIN is unset or malformed. */
  controlUi: ControlUiOrigins | null;
}

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && raw !== "" && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Reads the worker's configuration once per request; pure, so it is tested without bindings. */
export function apiSettings(env: Partial<ApiEnv>): ApiSettings {
  const adminEmails = new Set(
    (env.ADMIN_EMAILS ?? "")
      .split(",")
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
  );
  const platformModel =
    env.DEFAULT_MODEL_BASE_URL && env.DEFAULT_MODEL
      ? { baseUrl: env.DEFAULT_MODEL_BASE_URL, model: env.DEFAULT_MODEL, ...(env.DEFAULT_MODEL_API_KEY ? { apiKey: env.DEFAULT_MODEL_API_KEY } : {}) }
      : null;
  const workos =
    env.WORKOS_API_KEY && env.WORKOS_CLIENT_ID
      ? {
          apiKey: env.WORKOS_API_KEY,
          clientId: env.WORKOS_CLIENT_ID,
          cookiePassword: env.WORKOS_COOKIE_PASSWORD ?? "",
          ...(env.WORKOS_API_BASE_URL ? { baseUrl: env.WORKOS_API_BASE_URL } : {}),
        }
      : null;
  return {
    adminEmails,
    platformModel,
    rateLimit: { burst: positiveNumber(env.RATE_LIMIT_BURST, 60), perSecond: positiveNumber(env.RATE_LIMIT_PER_SECOND, 10) },
    workos,
    localSignIn: workos === null && env.ALLOW_LOCAL_SIGN_IN === "true",
    controlUi: parseControlUiOrigins(env.CONTROL_UI_ORIGIN),
  };
}
