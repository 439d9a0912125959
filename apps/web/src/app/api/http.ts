import type { ApiErrorCode } from "@openclaw-cloud/contracts/api-errors";

/**
 * Codes the website adds: failures that never reached the API's answer, a chat turn
 * that the gateway itself reported as failed (its own codes are not the API's), and a
 * thread's WebSocket that closed or could not open.
 */
export type ClientErrorCode = "network" | "unexpected_answer" | "turn_failed" | "connection_lost";

/** An API error as the screens see it: the API's stable code, its status and, for 429s, when to retry. */
export class ApiProblem extends Error {
  readonly code: ApiErrorCode | ClientErrorCode;
  readonly status: number;
  readonly retryAfterSeconds: number | null;

  constructor(code: ApiErrorCode | ClientErrorCode, status: number, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = "ApiProblem";
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Fired on `window` when the API says the session is gone, so the app shows sign-in again. */
export const SIGNED_OUT_EVENT = "openclaw:signed-out";

export interface ApiInit {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as a JSON body. */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The API's `{ error: { code, message } }` (or anything else) as an ApiProblem. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  const retryAfter = Number(response.headers.get("retry-after"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const code = body?.error?.code;
  if (typeof code !== "string") return new ApiProblem("unexpected_answer", response.status, `the server answered ${response.status}`, retryAfterSeconds);
  return new ApiProblem(code as ApiErrorCode, response.status, body?.error?.message ?? code, retryAfterSeconds);
}

/** A request to this site's API with the session cookie; resolves with the raw answer once it is OK. */
export async function apiResponse(path: string, init: ApiInit = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json", ...init.headers };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers,
      credentials: "same-origin",
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiProblem("network", 0, "the server could not be reached");
  }
  if (response.ok) return response;
  const problem = await problemOf(response);
  if (problem.code === "unauthorized" && !path.startsWith("/api/auth/")) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  throw problem;
}

/** A JSON request to this site's API. */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  return (await (await apiResponse(path, init)).json()) as T;
}
