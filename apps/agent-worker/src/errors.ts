import { HttpError } from "@openclaw-cloud/http-kit";

/** The agent worker's stable error codes; the api's codes pass through where it answered one. */
export type AgentErrorCode =
  | "unauthorized"
  | "forbidden"
  | "waitlist"
  | "not_found"
  | "conflict"
  | "invalid_json"
  | "invalid_request"
  | "payload_too_large"
  | "insufficient_credits"
  | "api_unavailable"
  | "internal_error";

export class AgentError extends HttpError<AgentErrorCode> {}

/** What an RPC into the agent answers instead of throwing: errors cross the RPC boundary as plain data. */
export type AgentResult<T> = { ok: true; value: T } | { ok: false; code: AgentErrorCode; status: number; message: string };

export function failure(error: AgentError): AgentResult<never> {
  return { ok: false, code: error.code, status: error.status, message: error.message };
}
