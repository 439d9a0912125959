import { keysMatch } from "@openclaw-cloud/http-kit";
import type { MiddlewareHandler } from "hono";
import type { AgentEnv } from "./env.ts";
import { AgentError } from "./errors.ts";
import { UserApi } from "./user-api.ts";
import { UserIdSchema } from "./thread-name.ts";

export type AgentApp = { Bindings: AgentEnv; Variables: { userId: string; api: UserApi } };

/**
 * Every route is server-to-server: the internal key (compared in constant time) and the
 * user the caller acts for. The api worker checked that user's session before forwarding.
 */
export const requireInternalCaller: MiddlewareHandler<AgentApp> = async (c, next) => {
  const key = c.req.header("x-oa-internal-key");
  if (key === undefined || !c.env.OA_INTERNAL_KEY || !(await keysMatch(key, c.env.OA_INTERNAL_KEY))) {
    throw new AgentError("unauthorized", 401, "missing or wrong X-OA-Internal-Key");
  }
  const userId = UserIdSchema.safeParse(c.req.header("x-oa-user-id"));
  if (!userId.success) throw new AgentError("unauthorized", 401, "missing or malformed X-OA-User-Id");
  c.set("userId", userId.data);
  c.set("api", new UserApi(c.env.API, c.env.OA_INTERNAL_KEY, userId.data));
  await next();
};
