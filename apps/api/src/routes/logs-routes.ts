import { z } from "zod";
import { tenantIdForUser } from "../auth/tenant-id.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiApp } from "../http/context.ts";
import { idParam, parseParam } from "../http/params.ts";
import { userRuntime } from "../instances/tenant.ts";
import { RuntimeClient } from "../runtime/runtime-client.ts";
import type { RuntimeStatus } from "../runtime/runtime-types.ts";
import { instanceStatusView } from "./instance-view.ts";
import { relayJson } from "./relay.ts";
import { publicUser } from "./views.ts";

const LogsQuerySchema = z.strictObject({ lines: z.coerce.number().int().min(1).max(500).optional() });

function logsPath(lines: number | undefined): string {
  return `/v1/tenant/logs${lines ? `?lines=${lines}` : ""}`;
}

/**
 * The gateway's recent output for support: the user's own (`/api/openclaw/logs`), and an
 * admin's view of any user's instance with its logs. The runtime redacts every secret it
 * knows before the lines leave it.
 */
export function logsRoutes(app: ApiApp): void {
  app.get("/api/openclaw/logs", async (c) => {
    const { lines } = parseParam(LogsQuerySchema, c.req.query(), "query");
    return relayJson(await (await userRuntime(c)).fetch(logsPath(lines)));
  });

  app.get("/api/admin/users/:userId/instance", async (c) => {
    const userId = idParam(c.req.param("userId"), "userId");
    const convex = c.get("convex");
    const [account, instance] = await Promise.all([convex.getAccount(userId), convex.getInstance(userId)]);
    if (!account) throw new ApiError("not_found", 404, "no such user");
    const user = publicUser(account.user);
    if (!instance) return c.json({ user, instance: null, logs: [] });
    // Derived from the user id, as for the user themself: the stored record never steers where we read.
    const runtime = new RuntimeClient(c.env, await tenantIdForUser(account.user.id));
    const [status, logs] = await Promise.all([
      runtime.json<RuntimeStatus>("/v1/tenant/status"),
      // Logs are a help, not the point: a runtime that cannot read them still shows the instance.
      runtime.json<{ lines: string[] }>(logsPath(undefined)).then(
        (body) => body.lines,
        (error: unknown) => {
          console.error("admin logs unreadable", error instanceof Error ? error.message : String(error));
          return [];
        },
      ),
    ]);
    return c.json({ user, instance: instanceStatusView(instance, status), logs });
  });
}
