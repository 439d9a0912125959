import { Hono } from "hono";
import { z } from "zod";
import type { RuntimeEnv } from "./env.ts";
import { HttpError, RuntimeError, errorResponse } from "./http/errors.ts";
import { requireInternalKey } from "./http/internal-auth.ts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { issueProxyTicket, verifyProxyTicket } from "./http/proxy-ticket.ts";
import { parseTenantId } from "./http/tenant-id.ts";

export { TenantRuntime } from "./tenant-runtime.ts";
export { Sandbox } from "@cloudflare/sandbox";
export { LocalSandbox } from "./sandbox/local-sandbox.ts";

const TicketBodySchema = z.object({ ttlSeconds: z.number().int().min(30).max(3600).default(300) }).strict();

/**
 * The runtime worker's front: checks who is calling and which tenant they mean, then
 * hands the request to that tenant's Durable Object. Internal routes (`/v1/*`) are for
 * the API worker over a service binding; `/gateway/:tenantId/*` is the device and
 * Control UI proxy, admitted by a short-lived ticket instead of the internal key.
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
  const { ttlSeconds } = await readJsonBody(c.req.raw, TicketBodySchema, { allowEmpty: true });
  const expiresAt = Date.now() + ttlSeconds * 1000;
  const ticket = await issueProxyTicket(c.env.PROXY_TICKET_SECRET, tenantId, expiresAt);
  return c.json({ ticket, expiresAt: new Date(expiresAt).toISOString(), path: `/gateway/${tenantId}/` }, 201);
});

app.all("/v1/*", async (c) => {
  await requireInternalKey(c.req.header("x-oa-internal-key"), c.env.OA_INTERNAL_KEY);
  const tenantId = parseTenantId(c.req.header("x-oa-tenant-id"));
  return forwardToTenant(c.env, tenantId, c.req.raw);
});

app.all("/gateway/:tenantId/*", async (c) => {
  const tenantId = parseTenantId(c.req.param("tenantId"));
  const url = new URL(c.req.url);
  const ticket = url.searchParams.get("ticket") ?? c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!(await verifyProxyTicket(c.env.PROXY_TICKET_SECRET, ticket, tenantId, Date.now()))) {
    throw new RuntimeError("unauthorized", 401, "missing, expired or foreign gateway ticket");
  }
  url.searchParams.delete("ticket");
  const headers = new Headers(c.req.raw.headers);
  headers.delete("authorization");
  return forwardToTenant(c.env, tenantId, new Request(url, { method: c.req.method, headers, body: c.req.raw.body }));
});

/** The tenant header is rewritten from the validated value, whatever the caller sent. */
function forwardToTenant(env: RuntimeEnv, tenantId: string, request: Request): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.delete("x-oa-internal-key");
  headers.set("x-oa-tenant-id", tenantId);
  const stub = env.TENANT_RUNTIME.get(env.TENANT_RUNTIME.idFromName(tenantId));
  return stub.fetch(new Request(request, { headers }));
}

export default app;
