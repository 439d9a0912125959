import { isTenantId } from "./tenant-id.ts";

/**
 * The platform's model proxy, as the runtime and the API worker both speak it. A tenant on
 * the platform's default model gets, at every gateway start, a credential of its own
 * (`ocmp_<tenant id>.<64 hex>`); its gateway calls the proxy with it as an OpenAI-compatible
 * provider, and the proxy adds the platform's upstream key, which never enters a sandbox.
 *
 * The tenant id in a credential only says which tenant's runtime to ask: the runtime holds
 * the credentials it issued and alone decides whether one is current.
 */

/** Where the API worker serves the proxy (an OpenAI-compatible base URL: `/chat/completions`, `/models`). */
export const MODEL_PROXY_PATH = "/api/model-proxy/v1";

const CREDENTIAL = /^ocmp_([a-z0-9-]+)\.([0-9a-f]{64})$/;

/** A credential for `tenantId` from 32 random bytes. */
export function formatModelCredential(tenantId: string, secret: Uint8Array): string {
  if (!isTenantId(tenantId) || secret.length !== 32) throw new Error("a model credential needs a tenant id and 32 random bytes");
  return `ocmp_${tenantId}.${Array.from(secret, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** The tenant a credential claims to belong to, or null when it is not shaped like one. */
export function modelCredentialTenant(credential: string): string | null {
  const match = CREDENTIAL.exec(credential);
  return match?.[1] && isTenantId(match[1]) ? match[1] : null;
}

/** Where a turn the API starts comes from, by how the caller signed in; sent to the runtime in TURN_SURFACE_HEADER. */
export const TURN_SURFACES = ["website", "api", "threads"] as const;
export type TurnSurface = (typeof TURN_SURFACES)[number];
export const TURN_SURFACE_HEADER = "x-oa-turn-surface";

/**
 * The surface a model call is billed to. The gateway's model calls say nothing of the turn
 * they serve (no session key, and OpenClaw starts its own trace), so the tenant's runtime
 * answers from the turns in flight when the call is checked: the surface of the API's turns
 * then running, `gateway` when none was (turns the gateway started itself: channels, cron
 * and heartbeat, the Control UI, nodes), `several` when turns of more than one surface ran.
 */
export const MODEL_CALL_SURFACES = [...TURN_SURFACES, "gateway", "several"] as const;
export type ModelCallSurface = (typeof MODEL_CALL_SURFACES)[number];

/**
 * What a tenant's Durable Object (the runtime worker's `TenantRuntime`) answers the API
 * worker's model proxy as a JS RPC method, over the API's binding to that class: whether
 * `credential` is one the tenant's gateways hold now, and if so the surface to bill the call
 * to; null when it is not. Straight to the object, neither an HTTP route nor a method of the
 * runtime worker's entrypoint: the proxy asks once per model call, before the call's first
 * token, and each hop on the way costs there (the entrypoint added about 0.6 ms).
 */
export interface TenantModelCredentials {
  modelCallSurface(credential: string): Promise<ModelCallSurface | null>;
}

/** The longest credential the runtime compares: `ocmp_`, a tenant id and 64 hex digits fit well within it. */
export const MAX_MODEL_CREDENTIAL_LENGTH = 256;

/** The ledger reference of a model call's debit (unique per call): `model:<surface>:<call id>`. */
export function modelCallReference(surface: ModelCallSurface, callId: string): string {
  return `model:${surface}:${callId}`;
}

/** The surface a ledger reference names; null for anything else (and for debits from before surfaces were recorded). */
export function modelCallSurface(reference: string | null | undefined): ModelCallSurface | null {
  const surface = /^model:([a-z]+):/.exec(reference ?? "")?.[1];
  return (MODEL_CALL_SURFACES as readonly string[]).includes(surface ?? "") ? (surface as ModelCallSurface) : null;
}
