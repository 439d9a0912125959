/**
 * A tenant id: chosen by the API worker (derived from the authenticated user), checked by
 * the runtime and the database. It names the tenant's sandbox, its R2 prefix and a DNS
 * label, so it is lowercase letters, digits and single hyphens (no `--`, which the runtime
 * uses to number the sandboxes a restore moves the tenant to: `<tenant>--<n>`). At most 54
 * characters, so that sandbox id stays within 63 (up to 9,999,999 restores).
 */
export const MAX_TENANT_ID_LENGTH = 54;
export const TENANT_ID_PATTERN = new RegExp(`^[a-z0-9](?:[a-z0-9-]{0,${MAX_TENANT_ID_LENGTH - 2}}[a-z0-9])$`);

export function isTenantId(value: string): boolean {
  return TENANT_ID_PATTERN.test(value) && !value.includes("--");
}
