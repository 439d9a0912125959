import { ModelProviderSchema } from "@openclaw-cloud/contracts";
import { ConvexClientError, type Instance } from "@openclaw-cloud/convex-client";
import type { TenantSettings } from "@openclaw-cloud/contracts";
import { readJsonBody } from "@openclaw-cloud/http-kit";
import { z } from "zod";
import { tenantIdForUser } from "../auth/tenant-id.ts";
import { ApiError } from "../http/api-error.ts";
import { auditInBackground } from "../http/audit.ts";
import type { ApiApp, ApiContext } from "../http/context.ts";
import { parseParam } from "../http/params.ts";
import { readGatewaySecrets } from "../instances/gateway-secrets.ts";
import { followProvisioning, type ProvisionEvent } from "../instances/provision.ts";
import { requireInstance, userRuntime } from "../instances/tenant.ts";
import { chooseInstanceModel, composeTenantSettings } from "../instances/tenant-settings.ts";
import { acquireProvisioningSlot } from "../limits/limits.ts";
import { errorOf, type RuntimeClient } from "../runtime/runtime-client.ts";
import type { RuntimeErrorBody } from "../runtime/runtime-errors.ts";
import type { ProvisionLine, RuntimeStatus } from "../runtime/runtime-types.ts";
import { instanceStatusView } from "./instance-view.ts";

const CreateInstanceSchema = z.strictObject({
  provider: ModelProviderSchema.optional(),
  model: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[\w.:/@-]+$/)
    .optional(),
});
const RestoreSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\w.-]+$/)
    .optional(),
});
const DeleteQuerySchema = z.strictObject({ purgeBackups: z.enum(["true", "false"]).optional() });

/** The instance's lifecycle: create (with progress), read, status, restart, backups, restore, delete. */
export function instanceRoutes(app: ApiApp): void {
  // Both show the stored instance with its live runtime state; status is the cheap one to poll.
  app.get("/api/openclaw/instance", async (c) => c.json(await currentView(c)));
  app.get("/api/openclaw/status", async (c) => c.json(await currentView(c)));

  app.post("/api/openclaw/instance", async (c) => {
    const requested = await readJsonBody(c.req.raw, CreateInstanceSchema, { allowEmpty: true });
    const wantsStream = c.req.header("accept")?.includes("application/x-ndjson") ?? false;
    const release = await acquireProvisioningSlot(c.env, c.get("principal").user.id);
    let releasedByStream = false;
    try {
      const started = await startProvisioning(c, requested);
      auditInBackground(c, "instance.create", started.instance.id, { provider: started.instance.provider, model: started.instance.model });
      const events = followProvisioning(c.get("convex"), c.get("principal").user.id, started.progress, started.adopt);
      if (wantsStream) {
        releasedByStream = true;
        return streamProvisioning(c, started.instance, events, release);
      }
      const outcome = await lastEvent(events);
      if (outcome?.stage === "done") return c.json({ instance: outcome.instance, status: outcome.status }, 201);
      const error = outcome?.stage === "failed" ? outcome.error : { code: "gateway_unavailable", message: "provisioning ended without an outcome" };
      throw new ApiError(error.code === "gateway_failed_to_start" ? "gateway_failed_to_start" : "gateway_unavailable", 502, error.message);
    } finally {
      if (!releasedByStream) await release();
    }
  });

  app.delete("/api/openclaw/instance", async (c) => {
    const { purgeBackups } = parseParam(DeleteQuerySchema, c.req.query(), "query");
    const instance = await requireInstance(c);
    const runtime = await userRuntime(c);
    // Runtime first: if it fails, the record stays and the user can try again.
    const status = await runtime.json<RuntimeStatus>(`/v1/tenant${purgeBackups === "true" ? "?purgeBackups=true" : ""}`, { method: "DELETE" });
    await c.get("convex").deleteInstance(instance.ownerId);
    auditInBackground(c, "instance.delete", instance.id, { purgeBackups: purgeBackups === "true" });
    return c.json({ deleted: true, status });
  });

  // A restart starts the gateway on settings composed anew (keys, channels, the platform
  // model as it is served now), so it also brings an older instance onto the model proxy.
  app.post("/api/openclaw/restart", async (c) => {
    const instance = await requireInstance(c);
    return withSlot(c, async () => {
      const { keys, channels } = await readGatewaySecrets(c.get("convex"), instance.ownerId);
      const settings = composeTenantSettings(instance, keys, c.get("settings"), channels);
      const body = JSON.stringify({ settings });
      const status = await recordOutcome(c, instance, (runtime) => runtime.json<RuntimeStatus>("/v1/tenant/restart", { method: "POST", body }));
      return c.json(instanceStatusView({ ...instance, status: status.state }, status));
    });
  });

  app.post("/api/openclaw/backup", async (c) => {
    await requireInstance(c);
    return c.json(await (await userRuntime(c)).json("/v1/backups", { method: "POST" }), 201);
  });

  app.get("/api/openclaw/backups", async (c) => {
    await requireInstance(c);
    return c.json(await (await userRuntime(c)).json("/v1/backups"));
  });

  app.post("/api/openclaw/restore", async (c) => {
    const { id } = await readJsonBody(c.req.raw, RestoreSchema, { allowEmpty: true });
    const instance = await requireInstance(c);
    return withSlot(c, async () => {
      const body = JSON.stringify(id ? { id } : {});
      const status = await recordOutcome(c, instance, (runtime) => runtime.json<RuntimeStatus>("/v1/backups/restore", { method: "POST", body }));
      return c.json(instanceStatusView({ ...instance, status: status.state }, status));
    });
  });
}

interface StartedProvisioning {
  instance: Instance;
  /** The runtime's NDJSON progress. */
  progress: ReadableStream<Uint8Array>;
  adopt: () => Promise<ProvisionLine>;
}

/**
 * Records the instance and asks the runtime to provision it. If the runtime refuses
 * outright, the record made here is removed again, so a retry starts clean.
 */
async function startProvisioning(c: ApiContext, requested: z.infer<typeof CreateInstanceSchema>): Promise<StartedProvisioning> {
  const convex = c.get("convex");
  const { user } = c.get("principal");
  const { keys, channels } = await readGatewaySecrets(convex, user.id);
  const choice = { ...chooseInstanceModel(requested, keys, c.get("settings").platformModel), tenantId: await tenantIdForUser(user.id) };
  const settings = composeTenantSettings(choice, keys, c.get("settings"), channels);
  let instance: Instance;
  try {
    instance = await convex.createInstance({ ownerId: user.id, ...choice });
  } catch (error) {
    if (error instanceof ConvexClientError && error.code === "conflict") throw new ApiError("instance_exists", 409, "this user already has an OpenClaw instance");
    throw error;
  }
  const runtime = await userRuntime(c);
  const response = await runtime.fetch("/v1/tenant/provision", { method: "POST", headers: { accept: "application/x-ndjson" }, body: JSON.stringify({ settings }) }).catch(async (error: unknown) => {
    await convex.deleteInstance(user.id);
    throw error;
  });
  if (!response.ok || !response.body) {
    const error = await errorOf(response);
    await convex.deleteInstance(user.id);
    throw error;
  }
  return { instance, progress: response.body, adopt: () => adoptGateway(runtime, settings) };
}

/**
 * For when the runtime still has this user's gateway although the database had no record
 * of it (local data reset, a record lost): the gateway is taken over with today's
 * settings, its outcome reported as a line of the runtime's provisioning progress.
 */
async function adoptGateway(runtime: RuntimeClient, settings: TenantSettings): Promise<ProvisionLine> {
  const response = await runtime.fetch("/v1/tenant/settings", { method: "PUT", body: JSON.stringify({ settings }) });
  const body = (await response.json().catch(() => null)) as (RuntimeStatus & RuntimeErrorBody) | null;
  if (response.ok && body) return { stage: "done", status: body };
  return { stage: "failed", error: { code: String(body?.error?.code ?? "gateway_unavailable"), message: String(body?.error?.message ?? `runtime answered ${response.status}`) } };
}

/** NDJSON to the client, one line per stage as it happens; the work finishes even if the client leaves. */
function streamProvisioning(c: ApiContext, instance: Instance, events: AsyncGenerator<ProvisionEvent>, release: () => Promise<void>): Response {
  const { readable, writable } = new TransformStream<string, string>();
  const writer = writable.getWriter();
  let clientGone = false;
  const send = async (event: ProvisionEvent) => {
    if (clientGone) return;
    await writer.write(`${JSON.stringify(event)}\n`).catch(() => (clientGone = true));
  };
  const work = (async () => {
    try {
      await send({ stage: "accepted", instance });
      for await (const event of events) await send(event);
    } catch (error) {
      console.error("provisioning stream failed", error instanceof Error ? error.message : String(error));
      await send({ stage: "failed", error: { code: "internal_error", message: "provisioning could not be followed to the end" } });
    } finally {
      await writer.close().catch(() => {});
      await release();
    }
  })();
  c.executionCtx.waitUntil(work);
  return new Response(readable.pipeThrough(new TextEncoderStream()), {
    status: 201,
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no" },
  });
}

async function lastEvent(events: AsyncGenerator<ProvisionEvent>): Promise<ProvisionEvent | null> {
  let last: ProvisionEvent | null = null;
  for await (const event of events) last = event;
  return last;
}

async function withSlot(c: ApiContext, work: () => Promise<Response>): Promise<Response> {
  const release = await acquireProvisioningSlot(c.env, c.get("principal").user.id);
  try {
    return await work();
  } finally {
    await release();
  }
}

/** Runs a gateway (re)start and records its outcome on the instance, success or failure. */
async function recordOutcome(c: ApiContext, instance: Instance, start: (runtime: RuntimeClient) => Promise<RuntimeStatus>): Promise<RuntimeStatus> {
  const convex = c.get("convex");
  try {
    const status = await start(await userRuntime(c));
    await convex.updateInstance({ ownerId: instance.ownerId, status: status.state, openclawVersion: status.openclawVersion, lastError: null });
    return status;
  } catch (error) {
    if (error instanceof ApiError && error.code === "gateway_failed_to_start") {
      await convex.updateInstance({ ownerId: instance.ownerId, status: "error", lastError: error.message });
    }
    throw error;
  }
}

/** The runtime's live view of the user's tenant. */
async function liveStatus(c: ApiContext): Promise<RuntimeStatus> {
  return (await userRuntime(c)).json<RuntimeStatus>("/v1/tenant/status");
}

/**
 * The stored instance with its live runtime state. When they differ (a tenant went to
 * sleep or failed), the stored status is brought in step off the request path, so admin
 * lists stay close to the truth without a runtime call per row.
 */
async function currentView(c: ApiContext) {
  const [instance, status] = await Promise.all([requireInstance(c), liveStatus(c)]);
  if (instance.status !== status.state || (status.lastError !== null && instance.lastError !== status.lastError)) {
    c.executionCtx.waitUntil(
      c
        .get("convex")
        .updateInstance({ ownerId: instance.ownerId, status: status.state, ...(status.lastError !== null ? { lastError: status.lastError } : {}) })
        .catch((error: unknown) => console.error("instance status sync failed", error instanceof Error ? error.message : String(error))),
    );
  }
  return instanceStatusView({ ...instance, status: status.state }, status);
}
