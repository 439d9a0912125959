import { ApiError } from "../http/api-error.ts";
import type { ApiApp } from "../http/context.ts";
import { controlUiOrigin, controlUiTenant, parseControlUiOrigins } from "./control-ui-origin.ts";

/**
 * Requests to a tenant's Control UI origin (control-ui-origin.ts) go to the runtime's
 * Control UI proxy (`/control-ui/<tenant>/…`), which admits them by its ticket or session
 * cookie; nothing else of the API is served on those hosts. The tenant comes from the host
 * alone. A WebSocket must come from a page of that same origin: the session cookie would
 * otherwise ride along with a socket another site's page opened.
 */
export function controlUiHost(app: ApiApp): void {
  app.use("*", async (c, next) => {
    const origins = parseControlUiOrigins(c.env.CONTROL_UI_ORIGIN);
    const url = new URL(c.req.url);
    const tenantId = origins ? controlUiTenant(origins, url) : null;
    if (!origins || !tenantId) return next();
    if (c.req.header("upgrade")?.toLowerCase() === "websocket" && c.req.header("origin") !== controlUiOrigin(origins, tenantId)) {
      throw new ApiError("forbidden", 403, "the Control UI's WebSocket opens only from its own page");
    }
    const target = new URL(`/control-ui/${tenantId}${url.pathname}${url.search}`, `${origins.protocol}//runtime`);
    try {
      return await c.env.RUNTIME.fetch(new Request(target, c.req.raw));
    } catch (error) {
      console.error("runtime unreachable for the Control UI", error instanceof Error ? error.message : String(error));
      throw new ApiError("gateway_unavailable", 503, "the OpenClaw runtime did not answer");
    }
  });
}
