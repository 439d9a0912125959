import { ApiError } from "../http/api-error.ts";
import type { ApiApp } from "../http/context.ts";

/**
 * `/gateway/<tenant>/…`: the device and Control UI proxy, served on the public origin so
 * the URLs from `POST /api/openclaw/devices/link` work as they are. The request goes to the
 * runtime unchanged (WebSocket upgrades included) over the RUNTIME binding; the runtime
 * admits it by its proxy ticket alone. So this is not a signed-in route: no session, no
 * rate limit, and the API adds no credentials of its own. (Hono's `/*` also matches the
 * bare `/gateway/<tenant>`.)
 */
export function gatewayPassthrough(app: ApiApp): void {
  app.all("/gateway/:tenantId/*", async (c) => {
    try {
      return await c.env.RUNTIME.fetch(c.req.raw);
    } catch (error) {
      console.error("runtime unreachable for the gateway proxy", error instanceof Error ? error.message : String(error));
      throw new ApiError("gateway_unavailable", 503, "the OpenClaw runtime did not answer");
    }
  });
}
