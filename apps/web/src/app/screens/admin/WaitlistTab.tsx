import type { AdminUser } from "@openclaw-cloud/contracts/web-views";
import { ADMIN_PATHS, type AdminWaitlist } from "../../api/admin.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { emailDirectory, pendingFirst } from "./admin-view.ts";
import { WaitlistRow } from "./WaitlistRow.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { RefreshButton } from "../../components/RefreshButton.tsx";

/** The waitlist, pending people first: approve (lets them in) or revoke (takes access away) one by one. */
export function WaitlistTab({ users }: { users: AdminUser[] | null }) {
  const waitlist = useApiData<AdminWaitlist>(ADMIN_PATHS.waitlist);
  const entries = pendingFirst(waitlist.data?.entries ?? []);
  const pending = entries.filter((entry) => !entry.approved).length;
  const directory = emailDirectory(users);
  return (
    <div className="stack">
      <div className="row row-between admin-toolbar">
        <p className="muted small admin-summary" aria-live="polite">
          {waitlist.data ? `${pending} waiting, ${entries.length - pending} approved` : null}
        </p>
        <RefreshButton loading={waitlist.loading} onRefresh={() => void waitlist.reload()} />
      </div>
      <ErrorNotice error={waitlist.error} onRetry={() => void waitlist.reload()} />
      {waitlist.loading && !waitlist.data ? <Spinner label="Loading the waitlist…" /> : null}
      {waitlist.data ? (
        <DataTable
          columns={["Email", "Note", "Joined", "Status"]}
          actions
          footer={entries.length === 0 ? <p className="empty">Nobody is on the waitlist. People join it when they sign in without access.</p> : null}
        >
          {entries.map((entry) => (
            <WaitlistRow key={entry.id} entry={entry} directory={directory} onChanged={waitlist.reload} />
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
