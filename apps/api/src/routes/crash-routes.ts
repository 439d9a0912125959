import { tenantIdForUser } from "../auth/tenant-id.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiApp } from "../http/context.ts";
import { idParam } from "../http/params.ts";
import { requireInstance, userRuntime } from "../instances/tenant.ts";
import { RuntimeClient } from "../runtime/runtime-client.ts";
import type { RuntimeStatus } from "../runtime/runtime-types.ts";
import { instanceStatusView } from "./instance-view.ts";

const ACKNOWLEDGE = "/v1/tenant/crash/acknowledge";

/**
 * The runtime shows a gateway crash (when, exit code, last log lines) until someone has
 * seen it: the person for their own instance, or an admin for any user's.
 */
export function crashRoutes(app: ApiApp): void {
  app.post("/api/openclaw/crash/acknowledge", async (c) => {
    const instance = await requireInstance(c);
    return c.json(instanceStatusView(instance, await (await userRuntime(c)).json<RuntimeStatus>(ACKNOWLEDGE, { method: "POST" })));
  });

  app.post("/api/admin/users/:userId/instance/crash/acknowledge", async (c) => {
    const userId = idParam(c.req.param("userId"), "userId");
    const instance = await c.get("convex").getInstance(userId);
    if (!instance) throw new ApiError("not_found", 404, "this user has no instance");
    // Derived from the user id, never from input or the stored record.
    const runtime = new RuntimeClient(c.env, await tenantIdForUser(userId));
    return c.json(instanceStatusView(instance, await runtime.json<RuntimeStatus>(ACKNOWLEDGE, { method: "POST" })));
  });
}
