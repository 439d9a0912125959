import { sha256Hex } from "./encoding.ts";

/**
 * The tenant id of a user's OpenClaw instance, derived from the user's id and nothing a
 * client sends. A digest keeps it within the runtime's rule
 * (contracts' `isTenantId`) whatever the id looks like, and 128
 * bits of it keep two users from ever sharing a tenant. Deterministic: the same user
 * always gets the same tenant, so a re-created instance finds its backups again.
 */
export async function tenantIdForUser(userId: string): Promise<string> {
  return `u-${(await sha256Hex(`openclaw-cloud tenant:${userId}`)).slice(0, 32)}`;
}
