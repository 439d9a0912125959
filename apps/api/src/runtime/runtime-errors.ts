import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError, type ApiErrorCode } from "../http/api-error.ts";

/**
 * The runtime's error codes as the API worker reports them. Codes that name the same
 * thing differently are renamed (clients of the API never see runtime vocabulary such
 * as "tenant"); codes that only a bug on our side could cause become internal errors.
 */
const RENAMED: Record<string, ApiErrorCode> = {
  tenant_not_provisioned: "no_instance",
  tenant_exists: "instance_exists",
  tenant_busy: "instance_busy",
  gateway_start_failed: "gateway_failed_to_start",
  pairing_request_not_found: "no_pending_pairing_request",
  exec_approval_not_found: "no_pending_exec_approval",
};
const PASSED_THROUGH: ReadonlySet<string> = new Set<ApiErrorCode>([
  "invalid_json",
  "invalid_request",
  "payload_too_large",
  "gateway_unavailable",
  "gateway_timeout",
  "unknown_tool",
  "tool_denied",
  "reserved_session_key",
  "session_not_found",
  "backup_not_found",
  "backup_failed",
  "restore_failed",
]);

export interface RuntimeErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Maps a runtime error answer (status + parsed body) onto the API's error contract. */
export function apiErrorFromRuntime(status: number, body: RuntimeErrorBody | null): ApiError {
  const code = typeof body?.error?.code === "string" ? body.error.code : "";
  const message = typeof body?.error?.message === "string" ? body.error.message : `runtime answered ${status}`;
  const details = body?.error?.details && typeof body.error.details === "object" ? (body.error.details as Record<string, unknown>) : undefined;
  const renamed = RENAMED[code];
  if (renamed) return new ApiError(renamed, status as ContentfulStatusCode, message, details);
  if (PASSED_THROUGH.has(code)) return new ApiError(code as ApiErrorCode, status as ContentfulStatusCode, message, details);
  // Answers without a runtime code come from the gateway itself (OpenAI-style errors).
  if (!code && (status === 400 || status === 422)) return new ApiError("invalid_request", 400, message);
  if (!code && status === 404) return new ApiError("not_found", 404, message);
  // The runtime failing inside (its own internal_error) or the gateway failing: either way
  // the instance could not do it now, and nothing was changed on our side.
  if ((!code || code === "internal_error") && status >= 500) return new ApiError("gateway_unavailable", 502, message);
  // Anything else (a refused internal key, a malformed tenant id) is a bug on our side.
  console.error("unexpected runtime error", status, code);
  return new ApiError("internal_error", 500, `runtime error ${code || status}`);
}
