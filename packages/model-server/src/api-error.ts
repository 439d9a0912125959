import type { z } from "zod";

/** An error that renders as OpenAI's `{ error: { message, type, param, code } }` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, details: { type?: string; param?: string | null; code?: string | null; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.type = details.type ?? "invalid_request_error";
    this.param = details.param ?? null;
    this.code = details.code ?? null;
    this.headers = details.headers ?? {};
  }

  toJSON() {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export function invalidBodyError(error: z.ZodError): ApiError {
  const describe = (issue: z.core.$ZodIssue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message);
  return new ApiError(400, `Invalid request body: ${error.issues.map(describe).join("; ")}`, {
    param: error.issues[0]?.path.join(".") || null,
    code: "invalid_request_body",
  });
}
