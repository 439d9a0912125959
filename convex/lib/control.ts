import { HttpError, errorResponse, keysMatch, readJsonBody } from "@openclaw-cloud/http-kit";
import { checkInput, DocumentIdSchema, isRpcMethodName, rpcMethods, RpcRequestSchema } from "@openclaw-cloud/convex-client/wire";
import type { Checked, RpcMethodName, RpcParsedArgs, RpcResult } from "@openclaw-cloud/convex-client/wire";
import { ConvexError } from "convex/values";
import { httpAction, type ActionCtx } from "../_generated/server";
import { STATUS_BY_CODE, type ControlErrorData } from "./errors";
import { rpcHandlers } from "./rpc";

const CONTROL_KEY_HEADER = "x-oa-control-key";
const USER_ID_HEADER = "x-oa-user-id";

/** Responses may carry keys (the secret route) or user data: nothing may cache them. */
const NO_STORE = { "cache-control": "no-store" };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ConvexError) {
    const { code, message } = error.data as Partial<ControlErrorData>;
    if (code !== undefined && Object.hasOwn(STATUS_BY_CODE, code)) return new HttpError(code, STATUS_BY_CODE[code], message ?? code);
  }
  console.error("control route failed", error);
  return new HttpError("internal", 500, "internal error");
}

async function authorize(request: Request): Promise<void> {
  const expected = process.env.OA_CONTROL_KEY;
  if (!expected) throw new HttpError("misconfigured", 500, "OA_CONTROL_KEY is not set");
  const presented = request.headers.get(CONTROL_KEY_HEADER) ?? "";
  if (!(await keysMatch(presented, expected))) {
    throw new HttpError("unauthorized", 401, `missing or wrong ${CONTROL_KEY_HEADER}`);
  }
}

/** Every control route: control key first, then the handler, every failure as a JSON error. */
export function controlRoute(handler: (ctx: ActionCtx, request: Request) => Promise<Response>) {
  return httpAction(async (ctx, request) => {
    try {
      await authorize(request);
      return await handler(ctx, request);
    } catch (error) {
      return errorResponse(toHttpError(error), NO_STORE);
    }
  });
}

function accepted<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new HttpError("invalid_request", 400, checked.message, { issues: checked.issues });
  return checked.value;
}

/** The seed-002 routes act for the user named by `x-oa-user-id` (a Convex `users` id). */
export function requestUserId(request: Request): string {
  const header = request.headers.get(USER_ID_HEADER);
  if (header === null) throw new HttpError("invalid_request", 400, `${USER_ID_HEADER} is required`);
  return accepted(checkInput(DocumentIdSchema, header));
}

export async function callRpc<Name extends RpcMethodName>(ctx: ActionCtx, name: Name, input: unknown): Promise<RpcResult<Name>> {
  const args = accepted(checkInput(rpcMethods[name].args, input)) as RpcParsedArgs<Name>;
  const handler = rpcHandlers[name] as (ctx: ActionCtx, args: RpcParsedArgs<Name>) => Promise<RpcResult<Name>>;
  return await handler(ctx, args);
}

export const rpcRoute = controlRoute(async (ctx, request) => {
  const body = await readJsonBody(request, RpcRequestSchema);
  if (!isRpcMethodName(body.function)) {
    throw new HttpError("invalid_request", 400, `unknown function ${JSON.stringify(body.function)}`);
  }
  return json({ value: await callRpc(ctx, body.function, body.args ?? {}) });
});

export const unknownRoute = controlRoute(async (_ctx, request) => {
  const { pathname } = new URL(request.url);
  throw new HttpError("not_found", 404, `no route ${request.method} ${pathname}`);
});
