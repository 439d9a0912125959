import { modelCredentialTenant, type ModelCallSurface } from "@openclaw-cloud/contracts";
import type { ConvexClient } from "@openclaw-cloud/convex-client";
import type { PlatformModel } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import type { ApiContext } from "../http/context.ts";
import { holdCredits, settleCall } from "../limits/limits.ts";

/**
 * Who may call the model proxy, and who pays: a tenant's gateway with the credential its
 * runtime issued at the gateway's start (the runtime alone says whether it is current), and
 * the owner of the tenant's instance, of whose credits the most a call may cost is held in
 * the owner's `UserLimits` Durable Object before the call.
 */

/** Who pays for a call: the owner of the tenant's instance, and the credits held for the call there. */
export type Bill = { ownerId: string; holdId: string };

/** A gateway calling the proxy: its credential and the tenant that credential names. */
export type Caller = { credential: string; tenantId: string };

export interface Admission {
  tenantId: string;
  /** What the call is billed to (contracts' MODEL_CALL_SURFACES), as the tenant's runtime said. */
  surface: ModelCallSurface;
  /** The credits held for the call (null: none, as for `GET /models`). */
  bill: Bill | null;
}

/** The tenant a credential names (only a routing hint until its runtime confirms it); 401 when it names none. */
export function credentialTenant(c: ApiContext): Caller {
  const credential = /^Bearer (\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
  const tenantId = modelCredentialTenant(credential);
  if (!tenantId) throw unauthorized();
  return { credential, tenantId };
}

export function platformModel(c: ApiContext): PlatformModel {
  const platform = c.get("settings").platformModel;
  if (!platform) throw new ApiError("no_default_model", 503, "this platform has no default model");
  return platform;
}

/**
 * Tenant → owner, as far as this isolate has read it: fixed for a tenant's life (its id is
 * derived from its owner's user id), so it need not be read again.
 */
const owners = new Map<string, string>();

async function tenantOwner(convex: ConvexClient, tenantId: string): Promise<string | null> {
  const known = owners.get(tenantId);
  if (known) return known;
  const owner = await convex.tenantOwner(tenantId);
  if (owner) owners.set(tenantId, owner);
  return owner;
}

/**
 * Credentials admitted in this isolate lately (their check and their owner's hold passed),
 * and until when that stands. For a call with one, the proxy asks the model while the
 * admission runs (model-proxy-routes.ts), and drops that request if the call is refused.
 */
const ADMITTED_FOR_MS = 10_000;
const MAX_ADMITTED = 1000;
const admitted = new Map<string, number>();

/** Whether `credential` passed its admission in the last ADMITTED_FOR_MS (it must pass it again all the same). */
export function admittedLately(credential: string): boolean {
  return (admitted.get(credential) ?? 0) > Date.now();
}

function rememberAdmitted(credential: string, now: number): void {
  if (admitted.size >= MAX_ADMITTED) for (const [known, until] of admitted) if (until <= now) admitted.delete(known);
  if (admitted.size < MAX_ADMITTED) admitted.set(credential, now + ADMITTED_FOR_MS);
}

/**
 * The tenant's own check of a credential, over RPC to its Durable Object in the runtime
 * worker: the surface to bill, or the refusal (401) or 503 when the runtime did not answer.
 */
async function checkCredential(c: ApiContext, tenantId: string, credential: string): Promise<ModelCallSurface> {
  let surface: ModelCallSurface | null;
  try {
    const tenants = c.env.TENANT_RUNTIME;
    surface = await tenants.get(tenants.idFromName(tenantId)).modelCallSurface(credential);
  } catch (error) {
    console.error("runtime unreachable for a model credential check", error instanceof Error ? error.message : String(error));
    throw new ApiError("gateway_unavailable", 503, "the OpenClaw runtime did not answer");
  }
  if (!surface) throw unauthorized();
  return surface;
}

/**
 * The caller's tenant, once the caller's credential is one its
 * tenant's gateway holds now (401 otherwise); with `hold`, also once that many credits of
 * the tenant's owner are held for the call (402 when nothing is left after the calls in
 * flight; 401 when the tenant has no instance, so nobody to bill). Check and hold run side
 * by side: a call waits for the slower, not for both in turn.
 */
export async function admitGateway(c: ApiContext, caller: Caller, hold: number): Promise<Admission & { bill: Bill }>;
export async function admitGateway(c: ApiContext, caller: Caller, hold: null): Promise<Admission>;
export async function admitGateway(c: ApiContext, { credential, tenantId }: Caller, hold: number | null): Promise<Admission> {
  const holding = async () => {
    const ownerId = await tenantOwner(c.get("convex"), tenantId);
    return ownerId === null || hold === null ? null : { ownerId, answer: await holdCredits(c.env, ownerId, Math.max(1, hold)) };
  };
  const [checked, held] = await Promise.allSettled([checkCredential(c, tenantId, credential), hold === null ? null : holding()]);
  const bill = held.status === "fulfilled" && held.value?.answer.held ? { ownerId: held.value.ownerId, holdId: held.value.answer.holdId } : null;
  if (checked.status === "rejected" || held.status === "rejected") {
    admitted.delete(credential);
    if (bill) c.executionCtx.waitUntil(settleCall(c.env, bill.ownerId, bill.holdId, null).catch(() => {}));
    throw checked.status === "rejected" ? checked.reason : (held as PromiseRejectedResult).reason;
  }
  const answer = { tenantId, surface: checked.value };
  if (hold === null) return { ...answer, bill: null };
  // A gateway whose instance record is gone has nobody to bill: it gets no platform model.
  if (!held.value) throw unauthorized();
  if (!held.value.answer.held) {
    admitted.delete(credential);
    throw new ApiError("insufficient_credits", 402, "out of credits: ask an admin for more, or use your own provider key", { balance: held.value.answer.balance });
  }
  rememberAdmitted(credential, Date.now());
  return { ...answer, bill };
}

export function unauthorized(): ApiError {
  return new ApiError("unauthorized", 401, "a current model proxy credential is required (Authorization: Bearer ocmp_…)");
}
