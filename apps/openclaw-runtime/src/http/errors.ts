import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Stable error codes every runtime route may answer with. Clients switch on these. */
export type RuntimeErrorCode =
  | "unauthorized"
  | "invalid_tenant_id"
  | "invalid_json"
  | "invalid_request"
  | "payload_too_large"
  | "not_found"
  | "method_not_allowed"
  | "tenant_not_provisioned"
  | "tenant_exists"
  | "tenant_busy"
  | "gateway_start_failed"
  | "gateway_unavailable"
  | "unknown_tool"
  | "tool_denied"
  | "reserved_session_key"
  | "session_not_found"
  | "pairing_request_not_found"
  | "backup_not_found"
  | "backup_failed"
  | "restore_failed"
  | "internal_error";

/** An error that is part of the contract: it carries its HTTP status and stable code. */
export class RuntimeError extends Error {
  readonly code: RuntimeErrorCode;
  readonly status: ContentfulStatusCode;
  readonly details?: Record<string, unknown>;

  constructor(code: RuntimeErrorCode, status: ContentfulStatusCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "RuntimeError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export interface ErrorBody {
  error: { code: RuntimeErrorCode; message: string; details?: Record<string, unknown> };
}

export function errorBody(error: RuntimeError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

export function errorResponse(error: RuntimeError): Response {
  return Response.json(errorBody(error), { status: error.status });
}
