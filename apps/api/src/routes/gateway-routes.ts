import { DmPairingApproveSchema, DmPairingQuerySchema, GatewayRequestIdSchema, SessionKeySchema, ToolInvokeSchema } from "@openclaw-cloud/contracts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { parseParam } from "../http/params.ts";
import { userRuntime } from "../instances/tenant.ts";
import { relayJson } from "./relay.ts";

export function sessionKeyParam(c: ApiContext): string {
  return parseParam(SessionKeySchema, c.req.param("sessionKey"), "sessionKey");
}

/**
 * The gateway's own surfaces, through the runtime: device pairing, DM pairing, sessions
 * and tools. A sleeping instance is woken by the runtime on the way (the request waits).
 */
export function gatewayRoutes(app: ApiApp): void {
  const forward = async (c: ApiContext, path: string, init: { method?: string; body?: string } = {}) => relayJson(await (await userRuntime(c)).fetch(path, init));

  app.get("/api/openclaw/devices", (c) => forward(c, "/v1/devices"));
  app.post("/api/openclaw/devices/:requestId/:decision{approve|reject}", (c) => {
    const requestId = parseParam(GatewayRequestIdSchema, c.req.param("requestId"), "requestId");
    return forward(c, `/v1/devices/${encodeURIComponent(requestId)}/${c.req.param("decision")}`, { method: "POST" });
  });

  app.get("/api/openclaw/pairing", (c) => {
    const query = parseParam(DmPairingQuerySchema, c.req.query(), "query");
    return forward(c, `/v1/pairing${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`);
  });
  app.post("/api/openclaw/pairing/approve", async (c) => {
    const body = await readJsonBody(c.req.raw, DmPairingApproveSchema);
    return forward(c, "/v1/pairing/approve", { method: "POST", body: JSON.stringify(body) });
  });

  app.get("/api/openclaw/sessions", (c) => forward(c, "/v1/sessions"));
  app.get("/api/openclaw/sessions/:sessionKey/history", (c) => forward(c, `/v1/sessions/${encodeURIComponent(sessionKeyParam(c))}/history`));

  app.post("/api/openclaw/tools/invoke", async (c) => {
    const body = await readJsonBody(c.req.raw, ToolInvokeSchema);
    return forward(c, "/v1/tools/invoke", { method: "POST", body: JSON.stringify(body) });
  });
}
