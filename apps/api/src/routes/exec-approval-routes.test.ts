import { describe, it } from "vitest";
import { call, expectError, newUser } from "../test-harness.ts";

// The runtime here has no sandbox host, so no user has a running gateway: these tests
// cover what the API checks before the runtime, and the runtime's answer for a user
// without an instance. The gateway's own exec approvals run in
// integration/exec-approvals.integration.test.ts.
describe("OpenClaw exec approvals", () => {
  it("without an instance: 404 no_instance from the runtime", async () => {
    const user = await newUser({ access: true });
    await expectError(await call("/api/openclaw/exec-approvals", { headers: user.headers }), 404, "no_instance");
    await expectError(await call("/api/openclaw/exec-approvals/abc-123", { method: "POST", headers: user.headers, json: { decision: "deny" } }), 404, "no_instance");
  });

  it("bad decisions and ids are 400 before the runtime is asked", async () => {
    const user = await newUser({ access: true });
    for (const json of [{ decision: "maybe" }, {}, { decision: "allow-once", extra: 1 }]) {
      await expectError(await call("/api/openclaw/exec-approvals/abc-123", { method: "POST", headers: user.headers, json }), 400, "invalid_request");
    }
    await expectError(await call("/api/openclaw/exec-approvals/abc-123", { method: "POST", headers: { ...user.headers, "content-type": "application/json" }, body: "nope" }), 400, "invalid_json");
    await expectError(await call("/api/openclaw/exec-approvals/bad%20id", { method: "POST", headers: user.headers, json: { decision: "deny" } }), 400, "invalid_request");
  });
});
