import type { ApiErrorCode } from "@openclaw-cloud/contracts/api-errors";
import type { ApiProblem, ClientErrorCode } from "./http.ts";

type Problem = Pick<ApiProblem, "code" | "message" | "retryAfterSeconds">;

/** "in 1 second", "in 12 seconds", "in 2 minutes": when a retry makes sense. */
export function retryIn(seconds: number | null): string {
  if (seconds === null) return "in a moment";
  if (seconds < 90) return `in ${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? "" : "s"}`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}

/** The API's reason after "gateway failed to start: ", if it gave one. */
function startFailureReason(message: string): string {
  const reason = message.replace(/^gateway failed to start:\s*/i, "").trim();
  return reason && reason !== message.trim() ? reason : message.trim();
}

/**
 * One sentence for a person per error code the API can answer (docs/api.md, "Errors"),
 * plus the website's own. The only place that wording lives; every screen shows errors
 * through it. The record type makes a new code without a sentence a type error.
 */
const SENTENCES: Record<ApiErrorCode | ClientErrorCode, (problem: Problem) => string> = {
  unauthorized: () => "You are signed out. Sign in again to continue.",
  forbidden: () => "This page is for administrators only.",
  ticket_used: () => "That link was already used. Make a new one.",
  ticket_expired: () => "That link has expired. Make a new one.",
  upgrade_required: () => "That address is for devices, not for a browser. Open the Control UI with its own link.",
  control_ui_unavailable: () => "The Control UI is not set up on this platform yet.",
  waitlist: () => "Your account is on the waitlist. You can use OpenClaw Cloud as soon as an administrator lets you in.",
  not_found: () => "That was not found. It may have been removed.",
  conflict: () => "Someone changed this at the same time. Reload and try again.",
  invalid_json: () => "The request was garbled on the way. Try again.",
  invalid_request: (p) => `That was not accepted: ${p.message}.`,
  payload_too_large: () => "That is too large to send. Make it shorter and try again.",
  rate_limited: (p) => `Too many requests at once. Try again ${retryIn(p.retryAfterSeconds)}.`,
  provisioning_in_progress: (p) => `Your OpenClaw is already being created or restarted. Try again ${retryIn(p.retryAfterSeconds)}.`,
  insufficient_credits: () => "You are out of credits. Ask an administrator for more, or use your own provider key.",
  no_instance: () => "You do not have an OpenClaw yet. Create one first.",
  instance_exists: () => "You already have an OpenClaw.",
  instance_busy: () => "Your OpenClaw is stopping right now. Try again in a few seconds.",
  missing_provider_key: () => "Add your key for that provider in Settings first, or choose the platform model.",
  no_default_model: () => "This platform has no default model. Add your own provider key to continue.",
  model_unavailable: () => "The platform's model did not answer. Try again in a minute.",
  gateway_failed_to_start: (p) => `Your OpenClaw failed to start: ${startFailureReason(p.message)}. Restart it to try again.`,
  gateway_unavailable: () => "Your OpenClaw did not answer. It may be starting up; try again in a few seconds.",
  gateway_timeout: () => "Your OpenClaw stopped answering. Restart it, or try again in a minute.",
  unknown_tool: () => "Your OpenClaw has no such tool.",
  tool_denied: () => "Your OpenClaw's tool policy does not allow that.",
  reserved_session_key: () => "That session name is reserved for OpenClaw itself. Choose another.",
  session_not_found: () => "That session does not exist (any more).",
  no_pending_pairing_request: () => "That pairing request is no longer pending. It may have been answered or expired.",
  no_pending_exec_approval: () => "That command is no longer waiting for an answer. It may have been answered or expired.",
  backup_not_found: () => "That backup does not exist (any more).",
  backup_failed: (p) => `The backup failed: ${p.message}.`,
  restore_failed: (p) => `The restore failed: ${p.message}. Your OpenClaw keeps its current state.`,
  agent_unavailable: () => "Your answer was not delivered to the chat: the chat service did not answer. Try again in a moment.",
  convex_unavailable: () => "Our database did not answer. Try again in a moment.",
  auth_unavailable: () => "The sign-in service did not answer. Try again in a moment.",
  internal_error: () => "Something went wrong on our side. Try again; if it keeps happening, tell us.",
  network: () => "The server could not be reached. Check your connection and try again.",
  turn_failed: (p) => `Your OpenClaw could not finish this reply: ${p.message.replace(/\.$/, "")}. Send it again to retry.`,
  connection_lost: () => "The connection to this chat was lost. It reconnects by itself; your messages are kept.",
  unexpected_answer: () => "The server gave an answer we did not expect. Try again in a moment.",
};

/** The sentence a person reads for an API problem. */
export function messageFor(problem: Problem): string {
  return (SENTENCES[problem.code] ?? SENTENCES.unexpected_answer)(problem);
}

/** For anything thrown: API problems get their sentence, anything else a generic one. */
export function messageForError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof (error as Problem).code === "string") return messageFor(error as Problem);
  return "Something went wrong in this page. Reload and try again.";
}
