import { useState } from "react";
import type { AdminUsers } from "../../api/admin.ts";
import type { ApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { useMe } from "../../session.tsx";
import { filterUsers } from "./admin-view.ts";
import { UserRow } from "./UserRow.tsx";
import { UserSupportPanel } from "./UserSupportPanel.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { RefreshButton } from "../../components/RefreshButton.tsx";

/**
 * Every user: search by email or name, turn access and the admin role on or off, grant
 * credits, open one user's support view (`?support=<userId>`; the search stays as typed).
 */
export function UsersTab({ users, supportUserId }: { users: ApiData<AdminUsers>; supportUserId: string | null }) {
  const me = useMe();
  const [search, setSearch] = useState("");
  const all = users.data?.users ?? [];
  const shown = filterUsers(all, search);

  if (supportUserId) return <UserSupportPanel userId={supportUserId} known={all.find((u) => u.id === supportUserId) ?? null} />;

  return (
    <div className="stack">
      <div className="row row-between admin-toolbar">
        <label className="field admin-search">
          <span>Search users</span>
          <input type="search" className="input" placeholder="Email or name" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <div className="row">
          {users.data ? (
            <span className="muted small" aria-live="polite">
              {shown.length === all.length ? `${all.length} user${all.length === 1 ? "" : "s"}` : `${shown.length} of ${all.length} users`}
            </span>
          ) : null}
          <RefreshButton loading={users.loading} onRefresh={() => void users.reload()} />
        </div>
      </div>
      <ErrorNotice error={users.error} onRetry={() => void users.reload()} />
      {users.loading && !users.data ? <Spinner label="Loading users…" /> : null}
      {users.data ? (
        <DataTable
          columns={["Email", "Name", "Role", "Access", "Created"]}
          actions
          footer={
            shown.length === 0 ? (
              <p className="empty">{all.length === 0 ? "No users yet. People appear here once they sign in." : `No user's email or name contains “${search.trim()}”. Try a shorter search.`}</p>
            ) : null
          }
        >
          {shown.map((user) => (
            <UserRow key={user.id} user={user} isMe={user.id === me.user.id} onChanged={users.reload} />
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
