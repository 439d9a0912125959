import { exports as workerExports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

// The exec approval routes before any gateway is involved (no sandbox host here); the
// gateway's own exec approvals run in apps/api/integration/exec-approvals.integration.test.ts.
const exports = workerExports as unknown as { default: Fetcher };

function call(path: string, init: RequestInit & { key?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set("x-oa-internal-key", init.key ?? "test-internal-key");
  headers.set("x-oa-tenant-id", "tenant-exec");
  return exports.default.fetch(new Request(`http://runtime${path}`, { ...init, headers }));
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
}

describe("exec approval routes", () => {
  it("require the internal key", async () => {
    for (const key of [null, "wrong"]) {
      await expectError(await call("/v1/tenant/exec-approvals", { key }), 401, "unauthorized");
      await expectError(await call("/v1/tenant/exec-approvals/abc", { method: "POST", body: JSON.stringify({ decision: "deny" }), key }), 401, "unauthorized");
    }
  });

  it("validate the id and the decision before touching the gateway", async () => {
    const post = (path: string, body: string) => call(path, { method: "POST", body, headers: { "content-type": "application/json" } });
    await expectError(await post("/v1/tenant/exec-approvals/abc", JSON.stringify({ decision: "maybe" })), 400, "invalid_request");
    await expectError(await post("/v1/tenant/exec-approvals/abc", JSON.stringify({ decision: "deny", extra: 1 })), 400, "invalid_request");
    await expectError(await post("/v1/tenant/exec-approvals/abc", "{"), 400, "invalid_json");
    await expectError(await post("/v1/tenant/exec-approvals/bad%20id", JSON.stringify({ decision: "deny" })), 400, "invalid_request");
  });

  it("answer 404 tenant_not_provisioned for a tenant without an instance", async () => {
    await expectError(await call("/v1/tenant/exec-approvals"), 404, "tenant_not_provisioned");
    await expectError(await call("/v1/tenant/exec-approvals/abc", { method: "POST", body: JSON.stringify({ decision: "allow-once" }) }), 404, "tenant_not_provisioned");
  });
});
