import type { BackupManifest } from "@openclaw-cloud/contracts/web-views";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { formatBytes, formatDateTime } from "../../components/format.ts";
import { backupReason } from "./backup-reason.ts";
import { DataTable } from "../../components/DataTable.tsx";

interface BackupTableProps {
  backups: BackupManifest[];
  busy: boolean;
  onRestore: (backup: BackupManifest) => void;
}

/** The backups with time, reason and size, each restorable behind a confirmation. */
export function BackupTable({ backups, busy, onRestore }: BackupTableProps) {
  if (backups.length === 0) {
    return (
      <div className="table-wrap">
        <p className="empty">No backups yet. “Back up now” makes the first; your OpenClaw also backs itself up before it sleeps or is deleted.</p>
      </div>
    );
  }
  return (
    <DataTable columns={["Made", "Why", "Size", "OpenClaw"]} actions caption="Backups, newest first">
      {backups.map((backup, index) => (
        <tr key={backup.id}>
          <td>
            {formatDateTime(backup.createdAt)}
            {index === 0 ? <span className="badge badge-latest">Latest</span> : null}
          </td>
          <td>{backupReason(backup.reason)}</td>
          <td>{formatBytes(backup.bytes)}</td>
          <td className="muted">{backup.openclawVersion ?? "—"}</td>
          <td className="cell-actions">
            <ConfirmButton
              className="button button-small"
              title="Restore this backup?"
              description={`Your OpenClaw goes back to how it was on ${formatDateTime(backup.createdAt)}: sessions, memory and paired devices since then are replaced. It restarts, which takes about 15 seconds. To keep today's state too, back up now first.`}
              confirmLabel="Yes, restore"
              onConfirm={() => onRestore(backup)}
              disabled={busy}
            >
              <span>
                Restore<span className="visually-hidden"> the backup from {formatDateTime(backup.createdAt)}</span>
              </span>
            </ConfirmButton>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
