import { describe, expect, it } from "vitest";
import { apiErrorFromRuntime } from "./runtime-errors.ts";

describe("apiErrorFromRuntime", () => {
  it("renames runtime vocabulary", () => {
    expect(apiErrorFromRuntime(404, { error: { code: "tenant_not_provisioned", message: "m" } })).toMatchObject({ code: "no_instance", status: 404 });
    expect(apiErrorFromRuntime(404, { error: { code: "pairing_request_not_found", message: "m" } })).toMatchObject({ code: "no_pending_pairing_request", status: 404 });
    expect(apiErrorFromRuntime(502, { error: { code: "gateway_start_failed", message: "gateway failed to start: port in use" } })).toMatchObject({
      code: "gateway_failed_to_start",
      status: 502,
      message: "gateway failed to start: port in use",
    });
  });

  it("passes shared codes through and maps the gateway's own errors by status", () => {
    expect(apiErrorFromRuntime(403, { error: { code: "tool_denied", message: "m" } })).toMatchObject({ code: "tool_denied", status: 403 });
    expect(apiErrorFromRuntime(400, { error: { message: "bad input item", type: "invalid_request_error" } as never })).toMatchObject({ code: "invalid_request", status: 400 });
    expect(apiErrorFromRuntime(500, null)).toMatchObject({ code: "gateway_unavailable", status: 502 });
    expect(apiErrorFromRuntime(500, { error: { code: "internal_error", message: "internal error" } })).toMatchObject({ code: "gateway_unavailable", status: 502 });
  });

  it("treats auth or tenant errors from the runtime as our own bug", () => {
    expect(apiErrorFromRuntime(401, { error: { code: "unauthorized", message: "m" } })).toMatchObject({ code: "internal_error", status: 500 });
    expect(apiErrorFromRuntime(400, { error: { code: "invalid_tenant_id", message: "m" } })).toMatchObject({ code: "internal_error" });
  });
});
