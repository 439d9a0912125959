import type { ApiApp } from "../http/context.ts";
import { requireInstance, userRuntime } from "../instances/tenant.ts";
import { acquireProvisioningSlot } from "../limits/limits.ts";
import type { RuntimeStatus } from "../runtime/runtime-types.ts";
import { instanceStatusView } from "./instance-view.ts";

/**
 * Puts the user's gateway to sleep now (the runtime backs it up first); the next gateway
 * request wakes it. Takes the provisioning slot like restart, so a stop never interleaves
 * with a create, restart or restore, and records the outcome on the instance.
 */
export function stopRoute(app: ApiApp): void {
  app.post("/api/openclaw/stop", async (c) => {
    const instance = await requireInstance(c);
    const release = await acquireProvisioningSlot(c.env, c.get("principal").user.id);
    try {
      const status = await (await userRuntime(c)).json<RuntimeStatus>("/v1/tenant/stop", { method: "POST" });
      const stored = await c.get("convex").updateInstance({ ownerId: instance.ownerId, status: status.state, lastError: null });
      return c.json(instanceStatusView(stored, status));
    } finally {
      await release();
    }
  });
}
