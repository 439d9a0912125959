/**
 * Stable error codes of the API worker (docs/api.md, "Errors"). The api answers with them
 * and the website turns each into one sentence for a person (apps/web/src/app/api/error-messages.ts),
 * so the list lives here, once.
 */
export const API_ERROR_CODES = [
  "unauthorized",
  "forbidden",
  "waitlist",
  "not_found",
  "conflict",
  "invalid_json",
  "invalid_request",
  "payload_too_large",
  "rate_limited",
  "provisioning_in_progress",
  "insufficient_credits",
  "no_instance",
  "instance_exists",
  "instance_busy",
  "missing_provider_key",
  "no_default_model",
  "model_unavailable",
  "gateway_failed_to_start",
  "gateway_unavailable",
  "gateway_timeout",
  "unknown_tool",
  "tool_denied",
  "reserved_session_key",
  "session_not_found",
  "no_pending_pairing_request",
  "no_pending_exec_approval",
  "backup_not_found",
  "backup_failed",
  "restore_failed",
  "agent_unavailable",
  "convex_unavailable",
  "auth_unavailable",
  "internal_error",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
