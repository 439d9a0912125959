import type { ApiContext } from "./context.ts";

type AuditDetails = Record<string, string | number | boolean | null>;

/**
 * Appends to the audit log as the signed-in user. Awaited: an admin action is only
 * reported done once its record exists.
 */
export async function audit(c: ApiContext, action: string, target: string, details?: AuditDetails): Promise<void> {
  const { user } = c.get("principal");
  await c.get("convex").appendAudit({ actor: `${user.id} (${user.email})`, action, target, ...(details ? { details } : {}) });
}

/** For a user's own actions: recorded after the answer, so a slow log never fails the action itself. */
export function auditInBackground(c: ApiContext, action: string, target: string, details?: AuditDetails): void {
  c.executionCtx.waitUntil(audit(c, action, target, details).catch((error: unknown) => console.error("audit append failed", action, error instanceof Error ? error.message : String(error))));
}
