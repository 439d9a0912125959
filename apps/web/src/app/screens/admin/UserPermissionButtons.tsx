import type { AdminUser } from "@openclaw-cloud/contracts/web-views";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";

interface PermissionButtonProps<T> {
  user: AdminUser;
  isMe: boolean;
  pending: boolean;
  onConfirm: (value: T) => void;
}

/** Turns a user's access on or off, after a confirmation that says what it means for them. */
export function AccessButton({ user, isMe, pending, onConfirm }: PermissionButtonProps<boolean>) {
  return user.accessEnabled ? (
    <ConfirmButton
      className="button button-small button-danger"
      danger
      title={`Turn off access for ${user.email}?`}
      description={
        user.admin
          ? `${isMe ? "You keep" : `${user.email} keeps`} access while an admin; this only matters once the admin role is gone.`
          : `${user.email} sees the waitlist page on every request until access is turned on again. Their instance, keys and credits stay.`
      }
      confirmLabel="Turn off access"
      disabled={pending}
      onConfirm={() => onConfirm(false)}
    >
      {pending ? "Turning off…" : "Turn off access"}
    </ConfirmButton>
  ) : (
    <ConfirmButton
      className="button button-small"
      title={`Let ${user.email} in?`}
      description={`${user.email} can then use OpenClaw Cloud: create an instance, chat and spend credits.`}
      confirmLabel="Turn on access"
      disabled={pending}
      onConfirm={() => onConfirm(true)}
    >
      {pending ? "Turning on…" : "Turn on access"}
    </ConfirmButton>
  );
}

/** Gives or takes the admin role, after a confirmation. */
export function RoleButton({ user, isMe, pending, onConfirm }: PermissionButtonProps<"user" | "admin">) {
  const adminByList = user.admin && user.role !== "admin";
  return user.role === "admin" ? (
    <ConfirmButton
      className="button button-small button-danger"
      danger
      title={`Remove the admin role from ${user.email}?`}
      description={`${isMe ? "You lose" : `${user.email} loses`} this admin area, unless the email is on the platform's admin email list.`}
      confirmLabel="Remove admin role"
      disabled={pending}
      onConfirm={() => onConfirm("user")}
    >
      {pending ? "Removing…" : "Remove admin"}
    </ConfirmButton>
  ) : (
    <ConfirmButton
      className="button button-small"
      title={`Make ${user.email} an admin?`}
      description={
        adminByList
          ? `${user.email} is already an admin through the platform's admin email list; this also records the role on their account.`
          : `${user.email} gets every admin power: this area, letting people in, granting credits and changing roles.`
      }
      confirmLabel="Make admin"
      disabled={pending}
      onConfirm={() => onConfirm("admin")}
    >
      {pending ? "Saving…" : "Make admin"}
    </ConfirmButton>
  );
}
