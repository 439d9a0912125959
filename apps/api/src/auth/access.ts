import type { User } from "@openclaw-cloud/convex-client";

/** Admin by stored role, or by the operator's ADMIN_EMAILS list (bootstraps the first admin). */
export function isAdmin(user: Pick<User, "role" | "email">, adminEmails: ReadonlySet<string>): boolean {
  return user.role === "admin" || adminEmails.has(user.email.toLowerCase());
}

/** Let in from the waitlist, or an admin. */
export function hasAccess(user: Pick<User, "accessEnabled">, admin: boolean): boolean {
  return user.accessEnabled || admin;
}
