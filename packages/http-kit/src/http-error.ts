import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An error that is part of a worker's contract: an HTTP status and a stable code that
 * clients switch on. Each worker narrows `Code` to its own list of codes.
 */
export class HttpError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly status: ContentfulStatusCode;
  readonly details?: Record<string, unknown>;

  constructor(code: Code, status: ContentfulStatusCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "HttpError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export interface ErrorBody<Code extends string = string> {
  error: { code: Code; message: string; details?: Record<string, unknown> };
}

export function errorBody<Code extends string>(error: HttpError<Code>): ErrorBody<Code> {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

/** The error as JSON; `details.retryAfterSeconds` (a 429, a 503 while busy) becomes `Retry-After`. */
export function errorResponse(error: HttpError, headers: Record<string, string> = {}): Response {
  const retryAfter = error.details?.retryAfterSeconds;
  return Response.json(errorBody(error), { status: error.status, headers: typeof retryAfter === "number" ? { ...headers, "retry-after": String(retryAfter) } : headers });
}
