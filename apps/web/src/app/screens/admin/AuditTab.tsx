import type { AdminUser } from "@openclaw-cloud/contracts/web-views";
import { ADMIN_PATHS, type AdminAudit } from "../../api/admin.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { formatDateTime } from "../../components/format.ts";
import { compactJson, emailDirectory, personLabel } from "./admin-view.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { RefreshButton } from "../../components/RefreshButton.tsx";

/** The newest 200 audit entries: who did what to whom, and the details the API recorded. */
export function AuditTab({ users }: { users: AdminUser[] | null }) {
  const audit = useApiData<AdminAudit>(ADMIN_PATHS.audit);
  const entries = audit.data?.entries ?? [];
  const directory = emailDirectory(users);
  return (
    <div className="stack">
      <div className="row row-between admin-toolbar">
        <p className="muted small admin-summary">{audit.data ? `The newest ${entries.length} entr${entries.length === 1 ? "y" : "ies"}, newest first.` : null}</p>
        <RefreshButton loading={audit.loading} onRefresh={() => void audit.reload()} />
      </div>
      <ErrorNotice error={audit.error} onRetry={() => void audit.reload()} />
      {audit.loading && !audit.data ? <Spinner label="Loading the audit log…" /> : null}
      {audit.data ? (
        <DataTable
          columns={["Time", "Actor", "Action", "Target", "Details"]}
          footer={entries.length === 0 ? <p className="empty">Nothing audited yet. Admin changes and users' instance, token and key changes appear here.</p> : null}
        >
          {entries.map((entry) => {
            const target = personLabel(entry.target, directory);
            return (
              <tr key={entry.id}>
                <td className="small admin-nowrap">{formatDateTime(entry.createdAt)}</td>
                <td className="small admin-nowrap">{personLabel(entry.actor, directory)}</td>
                <td>
                  <code className="admin-action">{entry.action}</code>
                </td>
                <td className={target === entry.target ? "mono small admin-target" : "small admin-target"}>{target}</td>
                <td>
                  <code className="small admin-details">{compactJson(entry.details)}</code>
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
    </div>
  );
}
