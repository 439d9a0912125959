import type { ApiErrorCode } from "@openclaw-cloud/contracts";
import { HttpError } from "@openclaw-cloud/http-kit";

export type { ApiErrorCode };

/** An error of the API worker's contract; its codes are listed once in @openclaw-cloud/contracts. */
export class ApiError extends HttpError<ApiErrorCode> {}
