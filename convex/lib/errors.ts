import { ConvexError } from "convex/values";
import type { ErrorCode } from "@openclaw-cloud/convex-client/wire";

export type ControlErrorData = { code: ErrorCode; message: string };

/**
 * Ends a function with an error the control routes turn into `{ error: { code, message } }`.
 * A ConvexError keeps its data across `ctx.runMutation`, so the code survives the trip from
 * a mutation back to the HTTP action.
 */
export function fail(code: ErrorCode, message: string): never {
  throw new ConvexError<ControlErrorData>({ code, message });
}

export const STATUS_BY_CODE: Record<ErrorCode, 400 | 401 | 404 | 409 | 413 | 500> = {
  unauthorized: 401,
  invalid_json: 400,
  invalid_request: 400,
  payload_too_large: 413,
  not_found: 404,
  conflict: 409,
  misconfigured: 500,
  internal: 500,
};
