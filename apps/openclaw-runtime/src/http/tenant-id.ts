import { MAX_TENANT_ID_LENGTH, isTenantId } from "@openclaw-cloud/contracts";
import { RuntimeError } from "./errors.ts";

export function parseTenantId(raw: string | null | undefined): string {
  if (!raw || !isTenantId(raw)) {
    throw new RuntimeError("invalid_tenant_id", 400, `tenant id must be 2-${MAX_TENANT_ID_LENGTH} lowercase letters, digits or single hyphens`);
  }
  return raw;
}
