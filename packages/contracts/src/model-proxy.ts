import { z } from "zod";
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

/** The runtime's internal route that answers whether a credential is one its tenant's gateway holds now. */
export const MODEL_CREDENTIAL_CHECK_PATH = "/v1/tenant/model-credential/check";

/** The body of that check. */
export const ModelCredentialCheckSchema = z.object({ credential: z.string().min(1).max(256) }).strict();

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
