import { env, exports as workerExports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { formatModelCredential, type TenantModelCredentials } from "@openclaw-cloud/contracts";

// The worker under test (wrangler.dev.jsonc's main), called as a service.
const exports = workerExports as unknown as { default: Fetcher };

/** A tenant's Durable Object as the API worker's model proxy calls it, over RPC. */
function tenantCredentials(tenantId: string): TenantModelCredentials {
  const namespace = (env as unknown as { TENANT_RUNTIME: DurableObjectNamespace }).TENANT_RUNTIME;
  return namespace.get(namespace.idFromName(tenantId)) as unknown as TenantModelCredentials;
}
const KEY = "test-internal-key";
const base = "http://runtime";

function call(path: string, init: RequestInit & { tenant?: string | null; key?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set("x-oa-internal-key", init.key ?? KEY);
  if (init.tenant !== null) headers.set("x-oa-tenant-id", init.tenant ?? "tenant-a");
  return exports.default.fetch(new Request(`${base}${path}`, { ...init, headers }));
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
}

describe("runtime worker routing", () => {
  it("answers health without auth", async () => {
    const response = await exports.default.fetch(new Request(`${base}/healthz`));
    expect(response.status).toBe(200);
  });

  it("requires the internal key on every internal route", async () => {
    for (const [method, path] of [
      ["GET", "/v1/tenant/status"],
      ["POST", "/v1/tenant/provision"],
      ["POST", "/v1/responses"],
      ["POST", "/v1/chat/completions"],
      ["GET", "/v1/models"],
      ["GET", "/v1/devices"],
      ["POST", "/v1/backups"],
      ["POST", "/v1/gateway/tickets"],
    ] as const) {
      await expectError(await call(path, { method, key: null }), 401, "unauthorized");
      await expectError(await call(path, { method, key: "wrong" }), 401, "unauthorized");
    }
  });

  it("validates the tenant id", async () => {
    await expectError(await call("/v1/tenant/status", { tenant: null }), 400, "invalid_tenant_id");
    for (const tenant of ["A", "../b", "a--b", "x".repeat(55)]) {
      await expectError(await call("/v1/tenant/status", { tenant }), 400, "invalid_tenant_id");
    }
  });

  it("reports an unknown tenant as absent", async () => {
    const response = await call("/v1/tenant/status", { tenant: "tenant-new" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ state: "absent", lastError: null, uptimeMs: null });
  });

  it("rejects malformed, invalid and oversized provision bodies", async () => {
    const post = (body: string) => call("/v1/tenant/provision", { method: "POST", body, headers: { "content-type": "application/json" } });
    await expectError(await post("{not json"), 400, "invalid_json");
    await expectError(await post(JSON.stringify({ settings: { model: { provider: "openai-compatible", model: "m" } } })), 400, "invalid_request");
    await expectError(await post(JSON.stringify({ settings: { model: { provider: "nope", model: "m" } } })), 400, "invalid_request");
    await expectError(await post(JSON.stringify({ settings: {}, extra: "x".repeat(2 * 1024 * 1024) })), 413, "payload_too_large");
  });

  it("refuses gateway routes for a tenant that was never provisioned", async () => {
    await expectError(await call("/v1/sessions"), 404, "tenant_not_provisioned");
    await expectError(await call("/v1/tools/invoke", { method: "POST", body: JSON.stringify({ tool: "sessions_list" }) }), 404, "tenant_not_provisioned");
    await expectError(await call("/v1/tenant/restart", { method: "POST" }), 404, "tenant_not_provisioned");
    await expectError(await call("/v1/models"), 404, "tenant_not_provisioned");
    await expectError(await call("/v1/chat/completions", { method: "POST", body: JSON.stringify({ messages: [{ role: "user", content: "hi" }] }) }), 404, "tenant_not_provisioned");
  });

  it("rejects reserved session keys and bad tool names before touching the gateway", async () => {
    await expectError(await call(`/v1/sessions/${encodeURIComponent("cron:nightly")}/history`), 400, "reserved_session_key");
    await expectError(await call("/v1/responses", { method: "POST", body: JSON.stringify({ input: "hi" }), headers: { "x-openclaw-session-key": "subagent:x" } }), 400, "reserved_session_key");
    await expectError(await call("/v1/tools/invoke", { method: "POST", body: JSON.stringify({ tool: "bad tool!" }) }), 400, "invalid_request");
    await expectError(await call("/v1/responses", { method: "POST", body: "[1,2" }), 400, "invalid_json");
    await expectError(await call("/v1/chat/completions", { method: "POST", body: JSON.stringify({ messages: [] }) }), 400, "invalid_request");
    await expectError(await call("/v1/chat/completions", { method: "POST", body: JSON.stringify({ messages: [{}] }), headers: { "x-openclaw-session-key": "acp:x" } }), 400, "reserved_session_key");
    await expectError(await call("/v1/tenant/restart", { method: "POST", body: JSON.stringify({ settings: { model: { provider: "nope" } } }) }), 400, "invalid_request");
    await expectError(await call("/v1/backups/restore", { method: "POST", body: JSON.stringify({ id: "../../x" }) }), 400, "invalid_request");
    await expectError(await call("/v1/pairing?channel=tele%20gram"), 400, "invalid_request");
    await expectError(await call("/v1/pairing?unknown=1"), 400, "invalid_request");
    await expectError(await call("/v1/pairing/approve", { method: "POST", body: JSON.stringify({ channel: "telegram" }) }), 400, "invalid_request");
    await expectError(await call("/v1/pairing/approve", { method: "POST", body: "{" }), 400, "invalid_json");
    await expectError(await call("/v1/devices/bad%20id/approve", { method: "POST" }), 400, "invalid_request");
    for (const query of ["lines=0", "lines=501", "lines=abc", "lines=1.5", "other=1"]) await expectError(await call(`/v1/tenant/logs?${query}`), 400, "invalid_request");
  });

  it("has no logs for a tenant that was never provisioned", async () => {
    await expectError(await call("/v1/tenant/logs", { tenant: "tenant-no-logs" }), 404, "tenant_not_provisioned");
    await expectError(await call("/v1/tenant/logs?lines=10", { tenant: "tenant-no-logs" }), 404, "tenant_not_provisioned");
  });

  it("answers unknown routes with a JSON 404", async () => {
    await expectError(await call("/v1/nope"), 404, "not_found");
    await expectError(await exports.default.fetch(new Request(`${base}/elsewhere`)), 404, "not_found");
  });

  it("refuses, over RPC to the tenant's object, model credentials no gateway holds: unknown, empty, oversized, not a string", async () => {
    // No tenant holds a model proxy credential before it is provisioned.
    const credential = formatModelCredential("tenant-a", new Uint8Array(32));
    const tenant = tenantCredentials("tenant-a");
    expect(await tenant.modelCallSurface(credential)).toBeNull();
    expect(await tenant.modelCallSurface("")).toBeNull();
    expect(await tenant.modelCallSurface("x".repeat(10_000))).toBeNull();
    expect(await tenant.modelCallSurface(42 as unknown as string)).toBeNull();
    expect(await tenant.modelCallSurface(null as unknown as string)).toBeNull();
  });

  it("issues tickets for one purpose, minutes long, and refuses bad bodies", async () => {
    for (const body of [{}, { purpose: "operator" }, { purpose: "device", ttlSeconds: 601 }, { purpose: "device", extra: 1 }]) {
      await expectError(await call("/v1/gateway/tickets", { method: "POST", body: JSON.stringify(body) }), 400, "invalid_request");
    }
    const issued = await call("/v1/gateway/tickets", { method: "POST", body: JSON.stringify({ purpose: "device", ttlSeconds: 60 }) });
    expect(issued.status).toBe(201);
    const { ticket, purpose, expiresAt } = (await issued.json()) as { ticket: string; purpose: string; expiresAt: string };
    expect(purpose).toBe("device");
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    expect(ticket.split(".").slice(0, 2)).toEqual(["tenant-a", "device"]);
  });

  it("admits the device proxy only with a device ticket for that tenant, and only for a WebSocket", async () => {
    const ticketFor = async (purpose: string, tenant = "tenant-a") =>
      ((await (await call("/v1/gateway/tickets", { method: "POST", tenant, body: JSON.stringify({ purpose }) })).json()) as { ticket: string }).ticket;
    const device = await ticketFor("device");
    const upgrade = { headers: { upgrade: "websocket" } };
    await expectError(await exports.default.fetch(new Request(`${base}/gateway/tenant-a/`, upgrade)), 401, "unauthorized");
    await expectError(await exports.default.fetch(new Request(`${base}/gateway/tenant-b/?ticket=${device}`, upgrade)), 401, "unauthorized");
    await expectError(await exports.default.fetch(new Request(`${base}/gateway/tenant-a/?ticket=${await ticketFor("control-ui")}`, upgrade)), 401, "unauthorized");
    await expectError(await exports.default.fetch(new Request(`${base}/gateway/tenant-a/?ticket=${device}`)), 426, "upgrade_required");
    // A valid ticket reaches the tenant, which has no instance yet.
    await expectError(await exports.default.fetch(new Request(`${base}/gateway/tenant-a/?ticket=${device}`, upgrade)), 404, "tenant_not_provisioned");
  });

  it("opens the Control UI once per ticket, as a session cookie on the tenant's origin", async () => {
    const { ticket } = (await (await call("/v1/gateway/tickets", { method: "POST", body: JSON.stringify({ purpose: "control-ui", ttlSeconds: 30 }) })).json()) as { ticket: string };
    await expectError(await exports.default.fetch(new Request(`${base}/control-ui/tenant-b/?ticket=${ticket}`)), 401, "unauthorized");
    const opened = await exports.default.fetch(new Request(`https://runtime/control-ui/tenant-a/chat?ticket=${ticket}&x=1`), { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/chat?x=1");
    const cookie = opened.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-occ_control_ui=tenant-a\.control-ui-session\.[^;]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Lax; Secure$/);
    await expectError(await exports.default.fetch(new Request(`https://runtime/control-ui/tenant-a/?ticket=${ticket}`)), 401, "ticket_used");
    const session = cookie.split(";")[0]!;
    // The cookie is for this tenant and HTTPS only; without it nothing is served.
    await expectError(await exports.default.fetch(new Request(`https://runtime/control-ui/tenant-a/`)), 401, "unauthorized");
    await expectError(await exports.default.fetch(new Request(`https://runtime/control-ui/tenant-b/`, { headers: { cookie: session.replace("tenant-a", "tenant-b") } })), 401, "unauthorized");
    await expectError(await exports.default.fetch(new Request(`http://runtime/control-ui/tenant-a/`, { headers: { cookie: session } })), 401, "unauthorized");
    // With it, the request reaches the tenant (no instance yet).
    await expectError(await exports.default.fetch(new Request(`https://runtime/control-ui/tenant-a/`, { headers: { cookie: session } })), 404, "tenant_not_provisioned");
  });

  it("refuses an expired Control UI ticket", async () => {
    const { ticket } = (await (await call("/v1/gateway/tickets", { method: "POST", body: JSON.stringify({ purpose: "control-ui", ttlSeconds: 30 }) })).json()) as { ticket: string };
    const [tenant, purpose, id, , signature] = ticket.split(".");
    // Backdating the expiry breaks the signature: only the runtime's own clock decides.
    await expectError(await exports.default.fetch(new Request(`${base}/control-ui/tenant-a/?ticket=${tenant}.${purpose}.${id}.1000.${signature}`)), 401, "unauthorized");
  });
});

describe("a tenant whose sandbox cannot be reached", () => {
  const settings = { model: { provider: "openai-compatible", model: "echo-1", baseUrl: "http://127.0.0.1:9/v1" } };

  it("fails provisioning with the reason and never gets stuck half-way", async () => {
    const provisioned = await call("/v1/tenant/provision", { method: "POST", tenant: "tenant-down", body: JSON.stringify({ settings }) });
    expect(provisioned.status).toBe(502);
    expect(((await provisioned.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "gateway_start_failed",
      message: expect.stringContaining("gateway failed to start"),
    });
    expect(await (await call("/v1/tenant/status", { tenant: "tenant-down" })).json()).toMatchObject({ state: "error", lastError: expect.any(String) });

    for (const [method, path, body] of [
      ["PUT", "/v1/tenant/settings", JSON.stringify({ settings })],
      ["POST", "/v1/tenant/restart", undefined],
      ["DELETE", "/v1/tenant", undefined],
    ] as const) {
      const response = await call(path, { method, tenant: "tenant-down", body });
      expect([502, 503]).toContain(response.status);
      expect(["gateway_unavailable", "gateway_start_failed"]).toContain(((await response.json()) as { error: { code: string } }).error.code);
      expect(((await (await call("/v1/tenant/status", { tenant: "tenant-down" })).json()) as { state: string }).state).toBe("error");
    }
    // Its logs cannot be read either: a clear gateway_unavailable, not a 500.
    const logs = await call("/v1/tenant/logs", { tenant: "tenant-down" });
    expect(logs.status).toBe(502);
    expect(((await logs.json()) as { error: { code: string } }).error.code).toBe("gateway_unavailable");
  });
});
