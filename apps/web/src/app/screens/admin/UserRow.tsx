import { useState } from "react";
import type { AdminUser } from "@openclaw-cloud/contracts/web-views";
import { setUserAccess, setUserRole } from "../../api/admin.ts";
import { useAction } from "../../api/use-api.ts";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Link } from "../../router.tsx";
import { When } from "./When.tsx";
import { GrantCreditsForm } from "./GrantCreditsForm.tsx";

const COLUMNS = 6;

/** One user in the Users table, with what an admin can do about them; `onChanged` reloads the list. */
export function UserRow({ user, isMe, onChanged }: { user: AdminUser; isMe: boolean; onChanged: () => Promise<void> }) {
  const [granting, setGranting] = useState(false);
  const access = useAction(async (enabled: boolean) => {
    await setUserAccess(user.id, enabled);
    await onChanged();
  });
  const role = useAction(async (next: "user" | "admin") => {
    await setUserRole(user.id, next);
    await onChanged();
  });
  const adminByList = user.admin && user.role !== "admin";

  return (
    <>
      <tr>
        <td>
          <span className="strong">{user.email}</span>
          {isMe ? <span className="muted small"> (you)</span> : null}
          <div>
            <Link to={`/admin/users?support=${encodeURIComponent(user.id)}`} className="admin-link" aria-label={`Support view for ${user.email}`}>
              Support view
            </Link>
          </div>
        </td>
        <td>{user.name ?? <span className="muted">—</span>}</td>
        <td>
          {user.admin ? <span className="badge badge-admin">Admin</span> : <span className="badge">User</span>}
          {adminByList ? <div className="muted small">by the admin email list</div> : null}
        </td>
        <td>
          {user.accessEnabled || user.admin ? <span className="badge badge-running">On</span> : <span className="badge">Off</span>}
          {!user.accessEnabled && user.admin ? <div className="muted small">as an admin</div> : null}
        </td>
        <td className="small">
          <When value={user.createdAt} />
        </td>
        <td>
          <div className="row admin-actions">
            {user.accessEnabled ? (
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
                disabled={access.pending}
                onConfirm={() => void access.run(false)}
              >
                {access.pending ? "Turning off…" : "Turn off access"}
              </ConfirmButton>
            ) : (
              <ConfirmButton
                className="button button-small"
                title={`Let ${user.email} in?`}
                description={`${user.email} can then use OpenClaw Cloud: create an instance, chat and spend credits.`}
                confirmLabel="Turn on access"
                disabled={access.pending}
                onConfirm={() => void access.run(true)}
              >
                {access.pending ? "Turning on…" : "Turn on access"}
              </ConfirmButton>
            )}
            {user.role === "admin" ? (
              <ConfirmButton
                className="button button-small button-danger"
                danger
                title={`Remove the admin role from ${user.email}?`}
                description={`${isMe ? "You lose" : `${user.email} loses`} this admin area, unless the email is on the platform's admin email list.`}
                confirmLabel="Remove admin role"
                disabled={role.pending}
                onConfirm={() => void role.run("user")}
              >
                {role.pending ? "Removing…" : "Remove admin"}
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
                disabled={role.pending}
                onConfirm={() => void role.run("admin")}
              >
                {role.pending ? "Saving…" : "Make admin"}
              </ConfirmButton>
            )}
            <button
              type="button"
              className="button button-small"
              aria-expanded={granting}
              aria-label={`Grant credits to ${user.email}`}
              onClick={() => setGranting(!granting)}
            >
              Grant credits
            </button>
          </div>
        </td>
      </tr>
      {access.error || role.error ? (
        <tr className="admin-subrow">
          <td colSpan={COLUMNS}>
            <ErrorNotice error={access.error ?? role.error} />
          </td>
        </tr>
      ) : null}
      {granting ? (
        <tr className="admin-subrow">
          <td colSpan={COLUMNS}>
            <GrantCreditsForm user={user} onGranted={onChanged} onClose={() => setGranting(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
