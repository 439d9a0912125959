import type { AdminUser } from "@openclaw-cloud/contracts/web-views";
import { ADMIN_PATHS, type AdminWaitlist } from "../../api/admin.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { emailDirectory, pendingFirst } from "./admin-view.ts";
import { WaitlistRow } from "./WaitlistRow.tsx";

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
        <button type="button" className="button button-small" onClick={() => void waitlist.reload()} disabled={waitlist.loading}>
          {waitlist.loading ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      <ErrorNotice error={waitlist.error} onRetry={() => void waitlist.reload()} />
      {waitlist.loading && !waitlist.data ? <Spinner label="Loading the waitlist…" /> : null}
      {waitlist.data ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Note</th>
                <th scope="col">Joined</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <WaitlistRow key={entry.id} entry={entry} directory={directory} onChanged={waitlist.reload} />
              ))}
            </tbody>
          </table>
          {entries.length === 0 ? <p className="empty">Nobody is on the waitlist. People join it when they sign in without access.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
