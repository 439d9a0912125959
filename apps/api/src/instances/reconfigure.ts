import { HttpError } from "@openclaw-cloud/http-kit";
import type { ApiContext } from "../http/context.ts";
import type { RuntimeStatus } from "../runtime/runtime-types.ts";
import { readGatewaySecrets } from "./gateway-secrets.ts";
import { userRuntime } from "./tenant.ts";
import { composeTenantSettings } from "./tenant-settings.ts";

export type GatewayReconfiguration =
  | { reconfigured: false; reason: "no_instance" }
  | { reconfigured: true; state: RuntimeStatus["state"] }
  | { reconfigured: false; reason: "failed"; error: { code: string; message: string } };

/**
 * Hands the user's gateway settings composed from their current keys and channels (a running gateway
 * restarts on them). The stored change stands whatever the gateway says; the answer
 * reports how the gateway took it.
 */
export async function reconfigureGateway(c: ApiContext): Promise<GatewayReconfiguration> {
  const convex = c.get("convex");
  const ownerId = c.get("principal").user.id;
  const instance = await convex.getInstance(ownerId);
  if (!instance) return { reconfigured: false, reason: "no_instance" };
  try {
    const { keys, channels } = await readGatewaySecrets(convex, ownerId);
    const settings = composeTenantSettings(instance, keys, c.get("settings"), channels);
    const runtime = await userRuntime(c);
    const status = await runtime.json<RuntimeStatus>("/v1/tenant/settings", { method: "PUT", body: JSON.stringify({ settings }) });
    return { reconfigured: true, state: status.state };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { reconfigured: false, reason: "failed", error: { code: error.code, message: error.message } };
  }
}
