import { Hono, type Context } from "hono";
import { z } from "zod";
import {
  DmPairingApproveSchema,
  DmPairingQuerySchema,
  GatewayRequestIdSchema,
  MAX_RESPONSES_BODY_BYTES,
  SessionSendSchema,
  TURN_SURFACE_HEADER,
  TenantSettingsSchema,
  ToolInvokeSchema,
  type TurnSurface,
} from "@openclaw-cloud/contracts";
import { ResolveExecApprovalBodySchema } from "@openclaw-cloud/contracts/threads";
import { BackupIdSchema } from "./backups/backup-catalog.ts";
import { callGateway, gatewayRequest, invokeTool, isReservedSessionKey } from "./gateway/gateway-http.ts";
import { withTerminalErrorEvent, type TurnDialect } from "./gateway/sse-terminal-error.ts";
import { keepApprovalClient, withGatewayRpc } from "./gateway/gateway-rpc-session.ts";
import { relayGatewaySocket } from "./gateway/ws-relay.ts";
import { HttpError, RuntimeError, errorResponse } from "./http/errors.ts";
import { PROXY_PASS_HEADER, proxyPass } from "./http/proxy-ticket.ts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { DEFAULT_LOG_LINES, MAX_LOG_LINES, readGatewayLogs } from "./logs/gateway-logs.ts";
import { GATEWAY_PROCESS } from "./gateway/gateway-process.ts";
import { parseTurnSurface } from "./model-proxy/turns-in-flight.ts";
import type { ProvisionStage, Tenant } from "./tenant.ts";

const TENANT_HEADER = "x-oa-tenant-id";

const ProvisionBodySchema = z.object({ settings: TenantSettingsSchema }).strict();
const RestoreBodySchema = z.object({ id: BackupIdSchema.optional() }).strict();
const RestartBodySchema = z.object({ settings: TenantSettingsSchema.optional() }).strict();
/** The gateway validates OpenResponses bodies itself; we only insist on a JSON object with input. */
const ResponsesBodySchema = z.looseObject({ input: z.union([z.string(), z.array(z.unknown())]) });
/** Likewise for chat completions: a JSON object with messages. */
const ChatCompletionsBodySchema = z.looseObject({ messages: z.array(z.unknown()).min(1) });
const EXEC_APPROVAL_NOT_FOUND = () => new RuntimeError("exec_approval_not_found", 404, "no pending exec approval with that id (answered or expired)");
const LogsQuerySchema = z.object({ lines: z.coerce.number().int().min(1).max(MAX_LOG_LINES).default(DEFAULT_LOG_LINES) }).strict();

/**
 * The tenant's routes, served inside its Durable Object. The worker in front has
 * already checked the internal key (or proxy ticket) and the tenant id.
 */
export function tenantRoutes(runtime: Tenant): Hono {
  const app = new Hono();

  app.onError((error) => {
    if (error instanceof HttpError) return errorResponse(error);
    console.error("tenant route failed", error instanceof Error ? error.message : String(error));
    return errorResponse(new RuntimeError("internal_error", 500, "internal error"));
  });
  app.notFound(() => errorResponse(new RuntimeError("not_found", 404, "no such route")));

  app.post("/v1/tenant/provision", async (c) => {
    const { settings } = await readJsonBody(c.req.raw, ProvisionBodySchema);
    const tenantId = c.req.header(TENANT_HEADER) ?? "";
    if (!c.req.header("accept")?.includes("application/x-ndjson")) {
      const status = await runtime.provision(tenantId, settings);
      keepApprovalClient(runtime);
      return c.json(status, 201);
    }
    // Progress as NDJSON lines, one per stage, so a UI can show each as it happens.
    const { readable, writable } = new TransformStream<string, string>();
    const writer = writable.getWriter();
    const line = (value: unknown) => writer.write(`${JSON.stringify(value)}\n`);
    const done = runtime
      .provision(tenantId, settings, (stage: ProvisionStage) => void line({ stage }))
      .then((status) => {
        keepApprovalClient(runtime);
        return line({ stage: "done", status });
      })
      .catch((error: unknown) => {
        const failure = error instanceof HttpError ? error : new RuntimeError("internal_error", 500, "internal error");
        return line({ stage: "failed", error: { code: failure.code, message: failure.message } });
      })
      .finally(() => writer.close());
    runtime.waitUntil(done);
    return new Response(readable.pipeThrough(new TextEncoderStream()), { status: 201, headers: { "content-type": "application/x-ndjson" } });
  });

  app.get("/v1/tenant/status", (c) => c.json(runtime.status()));
  app.put("/v1/tenant/settings", async (c) => c.json(await runtime.reconfigure((await readJsonBody(c.req.raw, ProvisionBodySchema)).settings)));
  app.post("/v1/tenant/restart", async (c) => {
    const { settings } = await readJsonBody(c.req.raw, RestartBodySchema, { allowEmpty: true });
    return c.json(await runtime.restart(settings));
  });
  app.post("/v1/tenant/stop", async (c) => c.json(await runtime.stop()));
  app.post("/v1/tenant/crash/acknowledge", async (c) => c.json(await runtime.acknowledgeCrash()));
  // The support view: recent gateway output, redacted. Read as it is, without waking a
  // sleeping gateway (the sandbox keeps the last process's output).
  app.get("/v1/tenant/logs", async (c) => {
    const { lines } = parseParam(LogsQuerySchema, c.req.query());
    if (runtime.state.name === "absent") throw new RuntimeError("tenant_not_provisioned", 404, "no OpenClaw instance for this tenant");
    return c.json({ lines: await readGatewayLogs(runtime, GATEWAY_PROCESS, lines) });
  });
  app.delete("/v1/tenant", async (c) => c.json(await runtime.destroy(c.req.query("purgeBackups") === "true")));

  app.post("/v1/backups", async (c) => c.json(await runtime.backupNow("manual"), 201));
  app.get("/v1/backups", async (c) => c.json({ backups: runtime.status().tenantId ? await runtime.backups().list() : [] }));
  app.post("/v1/backups/restore", async (c) => {
    const { id } = await readJsonBody(c.req.raw, RestoreBodySchema, { allowEmpty: true });
    return c.json(await runtime.restore(id));
  });

  app.get("/v1/devices", async (c) => c.json(await withGatewayRpc(runtime, (rpc) => rpc.listDevicePairing())));
  app.post("/v1/devices/:requestId/approve", async (c) => {
    const requestId = parseParam(GatewayRequestIdSchema, c.req.param("requestId"));
    return c.json(await withGatewayRpc(runtime, (rpc) => rpc.approveDevicePairing(requestId)));
  });
  app.post("/v1/devices/:requestId/reject", async (c) => {
    const requestId = parseParam(GatewayRequestIdSchema, c.req.param("requestId"));
    return c.json(await withGatewayRpc(runtime, (rpc) => rpc.rejectDevicePairing(requestId)));
  });
  app.get("/v1/pairing", async (c) => {
    const query = parseParam(DmPairingQuerySchema, c.req.query());
    return c.json(await withGatewayRpc(runtime, (rpc) => rpc.listDmPairing(query)));
  });
  app.post("/v1/pairing/approve", async (c) => {
    const body = await readJsonBody(c.req.raw, DmPairingApproveSchema);
    return c.json(await withGatewayRpc(runtime, (rpc) => rpc.approveDmPairing(body)));
  });

  // OpenClaw's exec approvals: commands the tenant's agent waits to run until the person answers.
  app.get("/v1/tenant/exec-approvals", async (c) => c.json({ approvals: await withGatewayRpc(runtime, (rpc) => rpc.listExecApprovals()) }));
  app.post("/v1/tenant/exec-approvals/:approvalId", async (c) => {
    const approvalId = parseParam(GatewayRequestIdSchema, c.req.param("approvalId"));
    const { decision } = await readJsonBody(c.req.raw, ResolveExecApprovalBodySchema);
    await withGatewayRpc(runtime, (rpc) => rpc.resolveExecApproval(approvalId, decision), EXEC_APPROVAL_NOT_FOUND);
    return c.json({ id: approvalId, decision });
  });

  app.post("/v1/tools/invoke", async (c) => {
    const body = await readJsonBody(c.req.raw, ToolInvokeSchema);
    if (body.sessionKey) rejectReservedSessionKey(body.sessionKey);
    return c.json({ result: await runtime.withGateway((driver) => invokeTool(driver, runtime.gatewayToken, body)) });
  });

  app.get("/v1/sessions", async (c) => {
    return c.json({ result: await runtime.withGateway((driver) => invokeTool(driver, runtime.gatewayToken, { tool: "sessions_list", args: {} })) });
  });

  app.get("/v1/sessions/:sessionKey/history", async (c) => {
    const sessionKey = sessionKeyParam(c);
    return c.json({ result: await runtime.withGateway((driver) => invokeTool(driver, runtime.gatewayToken, { tool: "sessions_history", args: { sessionKey } })) });
  });

  // Sending into a session runs a normal agent turn in it via /v1/responses with the
  // session key header; /tools/invoke denies `sessions_send` over HTTP by design.
  app.post("/v1/sessions/:sessionKey/send", async (c) => {
    const sessionKey = sessionKeyParam(c);
    const { message, stream } = await readJsonBody(c.req.raw, SessionSendSchema);
    const body = JSON.stringify({ model: "openclaw", input: message, stream });
    return forwardTurn(runtime, "responses", body, sessionKey, turnSurface(c));
  });

  app.post("/v1/responses", async (c) => {
    const sessionKey = c.req.header("x-openclaw-session-key");
    if (sessionKey) rejectReservedSessionKey(sessionKey);
    const body = await readJsonBody(c.req.raw, ResponsesBodySchema, { maxBytes: MAX_RESPONSES_BODY_BYTES });
    return forwardTurn(runtime, "responses", JSON.stringify(body), sessionKey, turnSurface(c));
  });

  // The gateway's OpenAI-compatible surface (gateway.http.endpoints.chatCompletions): a turn
  // per request, and the agent targets it lists as models.
  app.post("/v1/chat/completions", async (c) => {
    const sessionKey = c.req.header("x-openclaw-session-key");
    if (sessionKey) rejectReservedSessionKey(sessionKey);
    const body = await readJsonBody(c.req.raw, ChatCompletionsBodySchema, { maxBytes: MAX_RESPONSES_BODY_BYTES });
    return forwardTurn(runtime, "chat-completions", JSON.stringify(body), sessionKey, turnSurface(c));
  });
  app.get("/v1/models", async () => {
    const upstream = await runtime.withGateway((driver) => callGateway(driver, gatewayRequest("/v1/models", runtime.gatewayToken, { method: "GET" })));
    return new Response(upstream.body, { status: upstream.status, headers: { "content-type": upstream.headers.get("content-type") ?? "application/json" } });
  });

  // The worker in front redeems a Control UI ticket here before it sets the session cookie.
  app.post("/v1/proxy/control-ui-tickets", async (c) => {
    await runtime.tickets.redeemControlUi(proxyPass(c.req.header(PROXY_PASS_HEADER) ?? null, ["control-ui"]));
    return c.body(null, 204);
  });

  app.all("/gateway/:tenantId/*", async (c) => relayGatewaySocket(runtime, c.req.raw));

  return app;
}

const TURN_PATHS: Record<TurnDialect, string> = { responses: "/v1/responses", "chat-completions": "/v1/chat/completions" };

/**
 * One turn on the gateway's HTTP API (only the session key goes along of the caller's
 * headers: not `x-openclaw-model`, which would pick another backend model). A streamed turn
 * holds the tenant awake (runtime.hold) and counts as in flight from its surface (for the
 * model proxy's billing) until its last byte, not just its headers.
 */
async function forwardTurn(runtime: Tenant, dialect: TurnDialect, body: string, sessionKey: string | undefined, surface: TurnSurface | null): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (sessionKey) headers["x-openclaw-session-key"] = sessionKey;
  const unhold = runtime.hold();
  const endTurn = runtime.turns.begin(surface);
  const release = () => {
    endTurn();
    unhold();
  };
  const upstream = await runtime
    .withGateway((driver) => {
      // A turn may run the exec tool, whose approval needs an approval client connected.
      keepApprovalClient(runtime);
      return callGateway(driver, gatewayRequest(TURN_PATHS[dialect], runtime.gatewayToken, { method: "POST", headers, body }));
    })
    .catch((error: unknown) => {
      release();
      throw error;
    });
  const contentType = upstream.headers.get("content-type") ?? "application/json";
  if (!upstream.body || !contentType.includes("text/event-stream")) {
    release();
    return new Response(upstream.body, { status: upstream.status, headers: { "content-type": contentType } });
  }
  const body$ = withTerminalErrorEvent(upstream.body, { onBreak: (error) => runtime.waitUntil(runtime.gatewayBroke(error)), onEnd: release, dialect });
  return new Response(body$, {
    status: upstream.status,
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no" },
  });
}

function turnSurface(c: Context): TurnSurface | null {
  return parseTurnSurface(c.req.header(TURN_SURFACE_HEADER));
}

function sessionKeyParam(c: Context): string {
  const sessionKey = parseParam(z.string().min(1).max(512), c.req.param("sessionKey"));
  rejectReservedSessionKey(sessionKey);
  return sessionKey;
}

function rejectReservedSessionKey(sessionKey: string): void {
  if (isReservedSessionKey(sessionKey)) {
    throw new RuntimeError("reserved_session_key", 400, "session keys in the subagent:, cron: and acp: namespaces are reserved");
  }
}

function parseParam<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RuntimeError("invalid_request", 400, "invalid path parameter");
  return parsed.data;
}
