import { useState } from "react";
import type { AdminUser } from "@openclaw-cloud/contracts/web-views";
import { setUserAccess, setUserRole } from "../../api/admin.ts";
import { useAction } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Link } from "../../router.tsx";
import { When } from "./When.tsx";
import { AccessButton, RoleButton } from "./UserPermissionButtons.tsx";
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
            <AccessButton user={user} isMe={isMe} pending={access.pending} onConfirm={(enabled) => void access.run(enabled)} />
            <RoleButton user={user} isMe={isMe} pending={role.pending} onConfirm={(next) => void role.run(next)} />
            <button type="button" className="button button-small" aria-expanded={granting} aria-label={`Grant credits to ${user.email}`} onClick={() => setGranting(!granting)}>
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
