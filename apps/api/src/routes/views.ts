import type { User } from "@openclaw-cloud/convex-client";

/** A user as the API shows it (to the user themself and to admins). */
export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    accessEnabled: user.accessEnabled,
    accessChangedBy: user.accessChangedBy,
    accessChangedAt: user.accessChangedAt,
    createdAt: user.createdAt,
  };
}
