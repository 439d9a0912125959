import type { Instance } from "@openclaw-cloud/convex-client";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { isAdmin } from "../auth/access.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { idParam, parseParam } from "../http/params.ts";
import { RuntimeClient } from "../runtime/runtime-client.ts";
import type { RuntimeStatus } from "../runtime/runtime-types.ts";
import { availabilityOf } from "./instance-view.ts";
import { publicUser } from "./views.ts";

const AccessSchema = z.strictObject({ enabled: z.boolean() });
const RoleSchema = z.strictObject({ role: z.enum(["user", "admin"]) });
const GrantSchema = z.strictObject({ amount: z.number().int().min(1).max(1_000_000_000), reason: z.string().trim().min(1).max(256) });
const AuditQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).optional() });
/** Live states are fetched a few at a time so a long list does not flood the runtime. */
const STATUS_CONCURRENCY = 8;

/**
 * `/api/admin/*`: admins only (checked by the middleware). Every change is audited by
 * the Convex mutation that makes it, in the same transaction, with the admin as actor.
 */
export function adminRoutes(app: ApiApp): void {
  app.get("/api/admin/users", async (c) => {
    const adminEmails = c.get("settings").adminEmails;
    const users = await c.get("convex").listUsers();
    return c.json({ users: users.map((user) => ({ ...publicUser(user), admin: isAdmin(user, adminEmails) })) });
  });

  app.post("/api/admin/users/:userId/access", async (c) => {
    const userId = idParam(c.req.param("userId"), "userId");
    const { enabled } = await readJsonBody(c.req.raw, AccessSchema);
    const user = await c.get("convex").setUserAccess({ userId, enabled, actorId: actorOf(c) });
    return c.json({ user: publicUser(user) });
  });

  app.post("/api/admin/users/:userId/role", async (c) => {
    const userId = idParam(c.req.param("userId"), "userId");
    const { role } = await readJsonBody(c.req.raw, RoleSchema);
    const user = await c.get("convex").setUserRole({ userId, role, actorId: actorOf(c) });
    return c.json({ user: publicUser(user) });
  });

  app.post("/api/admin/users/:userId/credits", async (c) => {
    const userId = idParam(c.req.param("userId"), "userId");
    const { amount, reason } = await readJsonBody(c.req.raw, GrantSchema);
    const entry = await c.get("convex").grantCredits({ ownerId: userId, amount, reason, actorId: actorOf(c) });
    return c.json({ entry }, 201);
  });

  app.get("/api/admin/waitlist", async (c) => c.json({ entries: await c.get("convex").listWaitlist() }));

  app.post("/api/admin/waitlist/:entryId/:decision{approve|revoke}", async (c) => {
    const entryId = idParam(c.req.param("entryId"), "entryId");
    const approved = c.req.param("decision") === "approve";
    const entry = await c.get("convex").setWaitlistApproval({ entryId, approved, actorId: actorOf(c) });
    return c.json({ entry });
  });

  app.get("/api/admin/instances", async (c) => {
    const instances = await c.get("convex").listInstances();
    const rows = [];
    for (let i = 0; i < instances.length; i += STATUS_CONCURRENCY) {
      rows.push(...(await Promise.all(instances.slice(i, i + STATUS_CONCURRENCY).map((instance) => withLiveState(c, instance)))));
    }
    return c.json({ instances: rows });
  });

  app.get("/api/admin/audit", async (c) => {
    const { limit } = parseParam(AuditQuerySchema, c.req.query(), "query");
    return c.json({ entries: await c.get("convex").listAudit(limit ? { limit } : {}) });
  });
}

function actorOf(c: ApiContext): string {
  return c.get("principal").user.id;
}

async function withLiveState(c: ApiContext, instance: Instance) {
  try {
    const status = await new RuntimeClient(c.env, instance.tenantId).json<RuntimeStatus>("/v1/tenant/status");
    return { ...instance, runtime: { state: status.state, since: status.since, lastError: status.lastError, lastBackup: status.lastBackup, availability: availabilityOf(status) } };
  } catch (error) {
    return { ...instance, runtime: { state: null, error: error instanceof Error ? error.message : String(error) } };
  }
}
