import { Hono, type Next } from "hono";
import { setCookie } from "hono/cookie";
import { HttpError, errorResponse } from "@openclaw-cloud/http-kit";
import { ConvexClientError, createConvexClient, type ConvexClient } from "@openclaw-cloud/convex-client";
import { authenticate } from "./auth/principal.ts";
import { WORKOS_SESSION_COOKIE } from "@openclaw-cloud/workos-auth";
import { controlUiHost } from "./control-ui/control-ui-host.ts";
import { apiSettings, type ApiEnv, type ApiSettings } from "./env.ts";
import { ApiError } from "./http/api-error.ts";
import type { ApiApp, ApiContext } from "./http/context.ts";
import { enforceRequestRate } from "./limits/limits.ts";
import { adminRoutes } from "./routes/admin-routes.ts";
import { agentDoor } from "./routes/agent-door.ts";
import { approvalRoutes } from "./routes/approval-routes.ts";
import { authRoutes } from "./routes/auth-routes.ts";
import { billingRoutes } from "./routes/billing-routes.ts";
import { channelRoutes } from "./routes/channel-routes.ts";
import { chatRoutes } from "./routes/chat-routes.ts";
import { deviceLinkRoute } from "./routes/device-link-route.ts";
import { execApprovalRoutes } from "./routes/exec-approval-routes.ts";
import { gatewayPassthrough } from "./routes/gateway-passthrough.ts";
import { gatewayRoutes } from "./routes/gateway-routes.ts";
import { instanceRoutes } from "./routes/instance-routes.ts";
import { keyRoutes } from "./routes/key-routes.ts";
import { logsRoutes } from "./routes/logs-routes.ts";
import { meRoutes } from "./routes/me-routes.ts";
import { modelProxyRoutes } from "./model-proxy/model-proxy-routes.ts";
import { runtimePassthrough } from "./routes/runtime-passthrough.ts";
import { stopRoute } from "./routes/stop-route.ts";
import { crashRoutes } from "./routes/crash-routes.ts";
import { threadRoutes } from "./routes/thread-routes.ts";
import { tokenRoutes } from "./routes/token-routes.ts";

/** Routes a signed-in user without access may still use. */
const OPEN_WITHOUT_ACCESS = new Set(["GET /api/me", "GET /api/waitlist", "POST /api/waitlist"]);

/**
 * The API worker: `/api/*` for the website, API clients and server-to-server callers.
 * Every `/api/*` request except sign-in/out is authenticated, rate limited per user and
 * gated on access (and on admin for `/api/admin/*`) before any route runs.
 */
export function createApp(): ApiApp {
  const app: ApiApp = new Hono();
  app.onError((error) => errorToResponse(error));
  app.notFound(() => errorResponse(new ApiError("not_found", 404, "no such route")));

  // A tenant's Control UI host serves that Control UI and nothing else of the API.
  controlUiHost(app);
  app.get("/healthz", (c) => c.json({ ok: true }));
  runtimePassthrough(app);
  // Devices reach their gateway here with a proxy ticket: outside /api/*, so no sign-in or rate limit.
  gatewayPassthrough(app);

  // The settings and the Convex client follow from the env alone: made once per env, not per request.
  const perEnv = new WeakMap<ApiEnv, { settings: ApiSettings; convex: ConvexClient }>();
  const withSettings = async (c: ApiContext, next: Next) => {
    let derived = perEnv.get(c.env);
    if (!derived) perEnv.set(c.env, (derived = { settings: apiSettings(c.env), convex: createConvexClient({ url: c.env.CONVEX_URL, controlKey: c.env.CONVEX_CONTROL_KEY }) }));
    c.set("settings", derived.settings);
    c.set("convex", derived.convex);
    await next();
  };
  app.use("/api/*", withSettings);
  authRoutes(app);
  // Tenant gateways call the model proxy with their own credential, not as a signed-in person.
  modelProxyRoutes(app);
  app.use("/api/*", requireSignedIn);
  // A thread's agent (the web worker forwards /agents/* here): signed in and gated like /api.
  app.use("/agents/thread-agent/*", withSettings, requireSignedIn);
  agentDoor(app);

  meRoutes(app);
  tokenRoutes(app);
  keyRoutes(app);
  instanceRoutes(app);
  stopRoute(app);
  crashRoutes(app);
  gatewayRoutes(app);
  deviceLinkRoute(app);
  channelRoutes(app);
  logsRoutes(app);
  chatRoutes(app);
  billingRoutes(app);
  threadRoutes(app);
  approvalRoutes(app);
  execApprovalRoutes(app);
  adminRoutes(app);
  return app;
}

async function requireSignedIn(c: ApiContext, next: Next): Promise<void> {
  if (c.req.path.startsWith("/api/auth/")) return next();
  const principal = await authenticate(c, (userId) => enforceRequestRate(c.env, c.get("settings"), userId));
  if (!principal) throw new ApiError("unauthorized", 401, "sign in, or send an API token or the internal key");
  c.set("principal", principal);
  if (!principal.access && !OPEN_WITHOUT_ACCESS.has(`${c.req.method} ${c.req.path}`)) {
    throw new ApiError("waitlist", 403, "your account is on the waitlist; an admin has to let you in");
  }
  if (c.req.path.startsWith("/api/admin/") && !principal.admin) throw new ApiError("forbidden", 403, "admins only");
  await next();
  if (principal.refreshedSession) {
    // The response may be a stream whose headers are immutable: re-wrap it to add the cookie.
    c.res = new Response(c.res.body, c.res);
    setCookie(c, WORKOS_SESSION_COOKIE, principal.refreshedSession, { httpOnly: true, sameSite: "Lax", path: "/", secure: true });
  }
}

/** Every failure becomes `{ error: { code, message } }` with its status (and Retry-After where it says when). */
function errorToResponse(error: Error): Response {
  if (error instanceof HttpError) return errorResponse(error);
  if (error instanceof ConvexClientError) return errorResponse(fromConvex(error));
  console.error("api worker failed", error.message);
  return errorResponse(new ApiError("internal_error", 500, "internal error"));
}

function fromConvex(error: ConvexClientError): ApiError {
  switch (error.code) {
    case "invalid_request":
      return new ApiError("invalid_request", 400, error.message);
    case "not_found":
      return new ApiError("not_found", 404, error.message);
    case "conflict":
      return new ApiError("conflict", 409, error.message);
    default:
      console.error("convex call failed", error.code, error.status, error.message);
      return new ApiError("convex_unavailable", 503, "the database did not answer; try again");
  }
}
