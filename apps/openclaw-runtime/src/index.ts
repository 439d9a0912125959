import { Hono } from "hono";
import { z } from "zod";
import type { RuntimeEnv } from "./env.ts";
import { HttpError, RuntimeError, errorResponse } from "./http/errors.ts";
import { requireInternalKey } from "./http/internal-auth.ts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { PROXY_PASS_HEADER, newPassId, readProxyPass, signProxyPass, type ProxyPass } from "./http/proxy-ticket.ts";
import { CONTROL_UI_SESSION_MS, controlUiSessionCookie, readControlUiSession } from "./http/control-ui-session.ts";
import { parseTenantId } from "./http/tenant-id.ts";

/** Tickets are short-lived: minutes, enough to open a link or start a device. */
const MAX_TICKET_TTL_SECONDS = 600;

export { TenantRuntime } from "./tenant-runtime.ts";
export { Sandbox } from "@cloudflare/sandbox";
export { LocalSandbox } from "./sandbox/local-sandbox.ts";

const TicketBodySchema = z.strictObject({
  purpose: z.enum(["device", "control-ui"]),
  ttlSeconds: z.number().int().min(30).max(MAX_TICKET_TTL_SECONDS).default(300),
});

/**
 * The runtime worker's front: checks who is calling and which tenant they mean, then
 * hands the request to that tenant's Durable Object. Internal routes (`/v1/*`) are for
 * the API worker over a service binding; `/gateway/:tenantId/*` (devices) and
 * `/control-ui/:tenantId/*` (the Control UI) are the gateway proxy, admitted by a
 * short-lived ticket (http/proxy-ticket.ts) instead of the internal key.
 */
const app = new Hono<{ Bindings: RuntimeEnv }>();

app.onError((error) => {
  if (error instanceof HttpError) return errorResponse(error);
  console.error("runtime worker failed", error instanceof Error ? error.message : String(error));
  return errorResponse(new RuntimeError("internal_error", 500, "internal error"));
});
app.notFound(() => errorResponse(new RuntimeError("not_found", 404, "no such route")));

app.get("/healthz", (c) => c.json({ ok: true }));

app.post("/v1/gateway/tickets", async (c) => {
  await requireInternalKey(c.req.header("x-oa-internal-key"), c.env.OA_INTERNAL_KEY);
  const tenantId = parseTenantId(c.req.header("x-oa-tenant-id"));
  const { purpose, ttlSeconds } = await readJsonBody(c.req.raw, TicketBodySchema, { allowEmpty: true });
  const expiresAt = Date.now() + ttlSeconds * 1000;
  const ticket = await signProxyPass(c.env.PROXY_TICKET_SECRET, { tenantId, purpose, id: newPassId(), expiresAt });
  return c.json({ ticket, purpose, expiresAt: new Date(expiresAt).toISOString() }, 201);
});

app.all("/v1/*", async (c) => {
  await requireInternalKey(c.req.header("x-oa-internal-key"), c.env.OA_INTERNAL_KEY);
  const tenantId = parseTenantId(c.req.header("x-oa-tenant-id"));
  return forwardToTenant(c.env, tenantId, c.req.raw);
});

// A person's own device: the gateway's WebSocket, admitted by a device ticket (the tenant
// decides whether this device may use it, and that it is a WebSocket: gateway/ws-relay.ts).
app.all("/gateway/:tenantId/*", async (c) => {
  const tenantId = parseTenantId(c.req.param("tenantId"));
  const url = new URL(c.req.url);
  const ticket = url.searchParams.get("ticket") ?? c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  const pass = await readProxyPass(c.env.PROXY_TICKET_SECRET, ticket, { tenantId, purpose: "device" });
  if (!pass) throw new RuntimeError("unauthorized", 401, "missing or foreign device ticket");
  url.searchParams.delete("ticket");
  const headers = new Headers(c.req.raw.headers);
  headers.delete("authorization");
  return forwardToTenant(c.env, tenantId, new Request(url, { method: c.req.method, headers }), pass);
});

// The tenant's Control UI, reached through the API from the tenant's own origin (a host per
// tenant). A ticket opens it once and becomes a session cookie on that origin; the cookie
// admits the Control UI's reads and its WebSocket.
app.all("/control-ui/:tenantId/*", async (c) => {
  const tenantId = parseTenantId(c.req.param("tenantId"));
  const url = new URL(c.req.url);
  const path = url.pathname.slice(`/control-ui/${tenantId}`.length) || "/";
  const secure = url.protocol === "https:";
  const ticket = url.searchParams.get("ticket");
  if (ticket !== null) {
    const pass = await readProxyPass(c.env.PROXY_TICKET_SECRET, ticket, { tenantId, purpose: "control-ui" });
    if (!pass) throw new RuntimeError("unauthorized", 401, "not a Control UI ticket for this OpenClaw");
    const redeemed = await forwardToTenant(c.env, tenantId, new Request("https://tenant/v1/proxy/control-ui-tickets", { method: "POST" }), pass);
    if (!redeemed.ok) return redeemed;
    url.searchParams.delete("ticket");
    const session = await signProxyPass(c.env.PROXY_TICKET_SECRET, { tenantId, purpose: "control-ui-session", id: newPassId(), expiresAt: Date.now() + CONTROL_UI_SESSION_MS });
    return new Response(null, { status: 303, headers: { location: `${path}${url.search}`, "set-cookie": controlUiSessionCookie(session, secure), "cache-control": "no-store" } });
  }
  const session = await readControlUiSession(c.env.PROXY_TICKET_SECRET, c.req.header("cookie"), tenantId, secure, Date.now());
  if (!session) throw new RuntimeError("unauthorized", 401, "open the Control UI from your OpenClaw Cloud account: its link signs this browser in");
  const headers = new Headers(c.req.raw.headers);
  headers.delete("cookie");
  return forwardToTenant(c.env, tenantId, new Request(new URL(`/gateway/${tenantId}${path}${url.search}`, url), { method: c.req.method, headers }), session);
});

/**
 * The tenant header is rewritten from the validated value, whatever the caller sent, and so
 * is the proxy pass: only a pass this worker verified reaches the tenant.
 */
function forwardToTenant(env: RuntimeEnv, tenantId: string, request: Request, pass?: ProxyPass): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.delete("x-oa-internal-key");
  headers.delete(PROXY_PASS_HEADER);
  headers.set("x-oa-tenant-id", tenantId);
  if (pass) headers.set(PROXY_PASS_HEADER, JSON.stringify(pass));
  const stub = env.TENANT_RUNTIME.get(env.TENANT_RUNTIME.idFromName(tenantId));
  return stub.fetch(new Request(request, { headers }));
}

export default app;
