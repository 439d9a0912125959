import { describe, expect, it } from "vitest";
import { GatewayRpcError, toGatewayRpcError } from "./gateway-rpc-error.ts";

function gatewayError(code: string, message: string, details?: unknown) {
  return Object.assign(new Error(message), { code, details });
}

describe("toGatewayRpcError", () => {
  it("maps a listed INVALID_REQUEST message to not_found", () => {
    const error = toGatewayRpcError(gatewayError("INVALID_REQUEST", "unknown requestId"), ["unknown requestid"]);
    expect(error).toBeInstanceOf(GatewayRpcError);
    expect(error).toMatchObject({ code: "not_found", gatewayCode: "INVALID_REQUEST", message: "unknown requestId", retryable: false });
  });

  it("keeps other INVALID_REQUEST failures as invalid_request", () => {
    expect(toGatewayRpcError(gatewayError("INVALID_REQUEST", "invalid device.pair.approve params"), ["unknown requestid"]).code).toBe("invalid_request");
  });

  it.each(["AUTH_TOKEN_MISMATCH", "AUTH_TOKEN_MISSING", "DEVICE_AUTH_SIGNATURE_INVALID", "DEVICE_IDENTITY_REQUIRED"])("maps handshake detail %s to unauthorized", (code) => {
    expect(toGatewayRpcError(gatewayError("INVALID_REQUEST", "unauthorized", { code })).code).toBe("unauthorized");
  });

  it("marks a rate-limited handshake as retryable", () => {
    expect(toGatewayRpcError(gatewayError("INVALID_REQUEST", "slow down", { code: "AUTH_RATE_LIMITED" }))).toMatchObject({ code: "unauthorized", retryable: true });
  });

  it("maps PAIRING_REQUIRED to pairing_required and keeps the details", () => {
    const details = { code: "PAIRING_REQUIRED", requestId: "r1" };
    expect(toGatewayRpcError(gatewayError("NOT_PAIRED", "pairing required", details))).toMatchObject({ code: "pairing_required", details });
  });

  it("maps FORBIDDEN (missing scope) to forbidden", () => {
    expect(toGatewayRpcError(gatewayError("FORBIDDEN", "missing scope: operator.pairing", { code: "MISSING_SCOPE" })).code).toBe("forbidden");
  });

  it("maps the client's own deadline to timeout", () => {
    expect(toGatewayRpcError(gatewayError("CLIENT_TIMEOUT", "gateway request timed out"))).toMatchObject({ code: "timeout", retryable: true });
  });

  it.each([gatewayError("UNAVAILABLE", "busy"), new Error("gateway not connected"), "socket gone", undefined])("maps %j to unavailable", (error) => {
    expect(toGatewayRpcError(error)).toMatchObject({ code: "unavailable", retryable: true });
  });

  it("returns a GatewayRpcError unchanged", () => {
    const original = new GatewayRpcError("bad_response", "x");
    expect(toGatewayRpcError(original)).toBe(original);
  });
});
