import type { Instance } from "@openclaw-cloud/convex-client";
import { tenantIdForUser } from "../auth/tenant-id.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiContext } from "../http/context.ts";
import { RuntimeClient } from "../runtime/runtime-client.ts";

/** The runtime, addressed as the signed-in user's tenant (derived, never taken from the request). */
export async function userRuntime(c: ApiContext): Promise<RuntimeClient> {
  return new RuntimeClient(c.env, await tenantIdForUser(c.get("principal").user.id));
}

/** The signed-in user's instance record, or 404 no_instance. */
export async function requireInstance(c: ApiContext): Promise<Instance> {
  const instance = await c.get("convex").getInstance(c.get("principal").user.id);
  if (!instance) throw new ApiError("no_instance", 404, "no OpenClaw instance yet; POST /api/openclaw/instance creates one");
  return instance;
}
