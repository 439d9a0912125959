/** Stable, gateway-version-independent failure classes our API layers branch on. */
export type GatewayRpcErrorCode = "not_found" | "unauthorized" | "pairing_required" | "forbidden" | "invalid_request" | "timeout" | "unavailable" | "bad_response";

export class GatewayRpcError extends Error {
  readonly code: GatewayRpcErrorCode;
  /** The gateway's own error code (`INVALID_REQUEST`, ...) when the gateway answered. */
  readonly gatewayCode: string | undefined;
  readonly details: unknown;
  readonly retryable: boolean;

  constructor(code: GatewayRpcErrorCode, message: string, extra: { gatewayCode?: string; details?: unknown; retryable?: boolean; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "GatewayRpcError";
    this.code = code;
    this.gatewayCode = extra.gatewayCode;
    this.details = extra.details;
    this.retryable = extra.retryable ?? (code === "unavailable" || code === "timeout");
  }
}

/** What the gateway put on a failed response (`GatewayProtocolRequestError` has this shape). */
type GatewayErrorLike = { code?: unknown; message?: unknown; details?: unknown; retryable?: unknown };

/**
 * Classifies a rejected request or handshake. `notFoundMessages` lists the gateway's
 * messages that mean "no such request" for the method at hand: the gateway reports
 * unknown ids as a plain `INVALID_REQUEST` without a detail code, so the message is
 * the only signal it gives.
 */
export function toGatewayRpcError(error: unknown, notFoundMessages: readonly string[] = []): GatewayRpcError {
  if (error instanceof GatewayRpcError) return error;
  const shape: GatewayErrorLike = typeof error === "object" && error !== null ? (error as GatewayErrorLike) : {};
  const gatewayCode = typeof shape.code === "string" ? shape.code : undefined;
  const message = typeof shape.message === "string" ? shape.message : String(error);
  const extra = { gatewayCode, details: shape.details, cause: error };
  const detailCode = readDetailCode(shape.details);

  if (gatewayCode === "CLIENT_TIMEOUT") return new GatewayRpcError("timeout", message, extra);
  if (detailCode === "PAIRING_REQUIRED" || gatewayCode === "NOT_PAIRED") return new GatewayRpcError("pairing_required", message, extra);
  if (detailCode?.startsWith("AUTH_") || detailCode?.startsWith("DEVICE_AUTH_") || detailCode === "DEVICE_IDENTITY_REQUIRED") {
    return new GatewayRpcError("unauthorized", message, { ...extra, retryable: detailCode === "AUTH_RATE_LIMITED" });
  }
  if (gatewayCode === "FORBIDDEN") return new GatewayRpcError("forbidden", message, extra);
  if (gatewayCode === "INVALID_REQUEST") {
    const notFound = notFoundMessages.some((known) => message.toLowerCase().includes(known));
    return new GatewayRpcError(notFound ? "not_found" : "invalid_request", message, extra);
  }
  return new GatewayRpcError("unavailable", message, { ...extra, retryable: true });
}

function readDetailCode(details: unknown): string | undefined {
  if (typeof details !== "object" || details === null) return undefined;
  const code = (details as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}
