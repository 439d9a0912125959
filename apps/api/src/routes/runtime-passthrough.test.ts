import { describe, expect, it } from "vitest";
import { call, expectError } from "../test-harness.ts";

describe("runtime passthrough (local development only)", () => {
  it("serves the runtime's own routes under the prefix, with the runtime's own auth", async () => {
    expect(await (await call("/__runtime/healthz")).json()).toEqual({ ok: true });
    const status = await call("/__runtime/v1/tenant/status", { headers: { "x-oa-internal-key": "unit-internal-key", "x-oa-tenant-id": "passthrough-a" } });
    expect(await status.json()).toMatchObject({ state: "absent" });
    await expectError(await call("/__runtime/v1/tenant/status", { headers: { "x-oa-tenant-id": "passthrough-a" } }), 401, "unauthorized");
  });

  it("does not exist without RUNTIME_PASSTHROUGH_PATH (production)", async () => {
    await expectError(await call("/__runtime/healthz", { env: { RUNTIME_PASSTHROUGH_PATH: undefined } }), 404, "not_found");
  });
});
