import { RuntimeError } from "./errors.ts";

/**
 * Tenant ids are chosen by the API worker (derived from the authenticated user) and
 * are used as the sandbox id, the R2 prefix and a DNS label, so they are restricted
 * to lowercase DNS-label characters.
 */
const TENANT_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$/;

export function parseTenantId(raw: string | null | undefined): string {
  if (!raw || !TENANT_ID.test(raw) || raw.includes("--")) {
    throw new RuntimeError("invalid_tenant_id", 400, "tenant id must be 2-63 lowercase letters, digits or single hyphens");
  }
  return raw;
}
