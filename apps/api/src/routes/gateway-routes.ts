import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { parseParam } from "../http/params.ts";
import { userRuntime } from "../instances/tenant.ts";
import { relayJson } from "./relay.ts";

export const SessionKeySchema = z.string().min(1).max(512);
const RequestIdSchema = z.string().min(1).max(200).regex(/^[\w:.-]+$/);
const ChannelSchema = z.string().min(1).max(64).regex(/^[\w-]+$/);
const PairingQuerySchema = z.strictObject({ channel: ChannelSchema.optional(), accountId: z.string().min(1).max(128).optional() });
const PairingApproveSchema = z.strictObject({
  channel: ChannelSchema,
  accountId: z.string().min(1).max(128).optional(),
  requestId: z.string().min(1).max(200),
  notify: z.boolean().optional(),
});
const ToolInvokeSchema = z.strictObject({
  tool: z.string().min(1).max(128).regex(/^[\w.-]+$/),
  action: z.string().max(128).optional(),
  args: z.record(z.string(), z.unknown()).optional(),
  sessionKey: SessionKeySchema.optional(),
});

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
    const requestId = parseParam(RequestIdSchema, c.req.param("requestId"), "requestId");
    return forward(c, `/v1/devices/${encodeURIComponent(requestId)}/${c.req.param("decision")}`, { method: "POST" });
  });

  app.get("/api/openclaw/pairing", (c) => {
    const query = parseParam(PairingQuerySchema, c.req.query(), "query");
    return forward(c, `/v1/pairing${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`);
  });
  app.post("/api/openclaw/pairing/approve", async (c) => {
    const body = await readJsonBody(c.req.raw, PairingApproveSchema);
    return forward(c, "/v1/pairing/approve", { method: "POST", body: JSON.stringify(body) });
  });

  app.get("/api/openclaw/sessions", (c) => forward(c, "/v1/sessions"));
  app.get("/api/openclaw/sessions/:sessionKey/history", (c) => forward(c, `/v1/sessions/${encodeURIComponent(sessionKeyParam(c))}/history`));

  app.post("/api/openclaw/tools/invoke", async (c) => {
    const body = await readJsonBody(c.req.raw, ToolInvokeSchema);
    return forward(c, "/v1/tools/invoke", { method: "POST", body: JSON.stringify(body) });
  });
}
