import type { AdminInstance, AdminUser, AuditEntry, LedgerEntry, PublicUser, WaitlistEntry } from "@openclaw-cloud/contracts/web-views";
import { api } from "./http.ts";

/** The admin area's API (docs/api.md, "Admin"): admins only, every change audited by the API. */

/** Paths the admin screens load with useApiData. */
export const ADMIN_PATHS = {
  users: "/api/admin/users",
  waitlist: "/api/admin/waitlist",
  instances: "/api/admin/instances",
  audit: "/api/admin/audit?limit=200",
} as const;

export type AdminUsers = { users: AdminUser[] };
export type AdminWaitlist = { entries: WaitlistEntry[] };
export type AdminInstances = { instances: AdminInstance[] };
export type AdminAudit = { entries: AuditEntry[] };

const userPath = (userId: string, what: string) => `/api/admin/users/${encodeURIComponent(userId)}/${what}`;

export const listUsers = () => api<AdminUsers>(ADMIN_PATHS.users);

export const setUserAccess = (userId: string, enabled: boolean) => api<{ user: PublicUser }>(userPath(userId, "access"), { method: "POST", json: { enabled } });

export const setUserRole = (userId: string, role: "user" | "admin") => api<{ user: PublicUser }>(userPath(userId, "role"), { method: "POST", json: { role } });

export const grantCredits = (userId: string, amount: number, reason: string) => api<{ entry: LedgerEntry }>(userPath(userId, "credits"), { method: "POST", json: { amount, reason } });

// One user's support view (`GET /api/admin/users/:userId/instance`) lives in support.ts with the Support page's routes.

export const listWaitlist = () => api<AdminWaitlist>(ADMIN_PATHS.waitlist);

export const decideWaitlistEntry = (entryId: string, decision: "approve" | "revoke") =>
  api<{ entry: WaitlistEntry }>(`/api/admin/waitlist/${encodeURIComponent(entryId)}/${decision}`, { method: "POST" });

export const listInstances = () => api<AdminInstances>(ADMIN_PATHS.instances);

export const listAudit = () => api<AdminAudit>(ADMIN_PATHS.audit);
