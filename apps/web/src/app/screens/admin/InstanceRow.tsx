import type { AdminInstance } from "@openclaw-cloud/contracts/web-views";
import { StateBadge } from "../../components/StateBadge.tsx";
import { formatDateTime } from "../../components/format.ts";
import { When } from "./When.tsx";
import { Link } from "../../router.tsx";

/** One instance: whose, its live state and what the next request meets, its last error, backup and model. */
export function InstanceRow({ instance, ownerEmail }: { instance: AdminInstance; ownerEmail: string | null }) {
  const { runtime } = instance;
  const live = runtime.state !== null ? runtime : null;
  // The record's error is history once the runtime says the gateway is fine again; show it only when the live state is unknown or failed.
  const lastError = live?.lastError ?? (live === null || live.state === "error" ? instance.lastError : null);
  return (
    <tr>
      <td>
        <div className="strong admin-nowrap">{ownerEmail ?? <span className="mono">{instance.ownerId}</span>}</div>
        <div className="mono small muted">{instance.tenantId}</div>
        <Link to={`/admin/users?support=${encodeURIComponent(instance.ownerId)}`} className="admin-link" aria-label={`Support view for ${ownerEmail ?? instance.ownerId}`}>
          Support view
        </Link>
      </td>
      <td className="admin-state">
        <StateBadge state={runtime.state} />
        <div className="small muted">
          {live ? (live.availability.ready ? "Ready for requests" : live.availability.message) : `The runtime did not answer: ${runtime.state === null ? runtime.error : ""}`}
        </div>
      </td>
      <td className="small admin-error">{lastError ? lastError : <span className="muted">none</span>}</td>
      <td className="small">{live?.lastBackup ? `${formatDateTime(live.lastBackup.createdAt)} (${live.lastBackup.reason})` : <span className="muted">none</span>}</td>
      <td className="mono small admin-model">
        {instance.provider}
        <br />
        {instance.model}
      </td>
      <td className="small">
        <When value={instance.createdAt} />
      </td>
    </tr>
  );
}
