import { HttpError } from "@openclaw-cloud/http-kit";

/** Stable error codes every runtime route may answer with. Clients switch on these. */
export type RuntimeErrorCode =
  | "unauthorized"
  | "invalid_tenant_id"
  | "invalid_json"
  | "invalid_request"
  | "payload_too_large"
  | "not_found"
  | "method_not_allowed"
  | "forbidden"
  | "upgrade_required"
  | "ticket_used"
  | "ticket_expired"
  | "tenant_not_provisioned"
  | "tenant_exists"
  | "tenant_busy"
  | "gateway_start_failed"
  | "gateway_unavailable"
  | "gateway_timeout"
  | "unknown_tool"
  | "tool_denied"
  | "reserved_session_key"
  | "session_not_found"
  | "pairing_request_not_found"
  | "exec_approval_not_found"
  | "backup_not_found"
  | "backup_failed"
  | "restore_failed"
  | "internal_error";

/** An error that is part of the runtime's contract: its HTTP status and one of the codes above. */
export class RuntimeError extends HttpError<RuntimeErrorCode> {}

export { HttpError, errorBody, errorResponse, type ErrorBody } from "@openclaw-cloud/http-kit";
