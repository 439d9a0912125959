import type { InstanceView } from "@openclaw-cloud/contracts/web-views";
import { StateBadge } from "../../components/StateBadge.tsx";
import { formatBytes, formatDateTime, formatDuration } from "../../components/format.ts";
import { Link } from "../../router.tsx";
import { backupReason } from "../backups/backup-reason.ts";

/** The OpenClaw's status and last backup, as cards. */
export function InstanceOverview({ view }: { view: InstanceView }) {
  const { runtime, instance } = view;
  const model = runtime.model ?? { provider: instance.provider, model: instance.model };
  const backup = runtime.lastBackup;
  return (
    <div className="grid grid-fit">
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title" className="card-title">
          Status
        </h2>
        <dl className="kv">
          <dt>State</dt>
          <dd>
            <StateBadge state={runtime.state} />
          </dd>
          <dt>Agent</dt>
          <dd>{runtime.agent?.name ?? "—"}</dd>
          <dt>Model</dt>
          <dd className="mono">
            {model.provider}/{model.model}
          </dd>
          <dt>OpenClaw</dt>
          <dd>{runtime.openclawVersion ?? instance.openclawVersion ?? "—"}</dd>
          <dt>{runtime.state === "running" ? "Up for" : "Since"}</dt>
          <dd>{runtime.state === "running" ? formatDuration(runtime.uptimeMs) : formatDateTime(runtime.since)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="backup-title">
        <div className="card-title">
          <h2 id="backup-title">Last backup</h2>
          <Link to="/backups" className="small">
            All backups
          </Link>
        </div>
        {backup ? (
          <dl className="kv">
            <dt>When</dt>
            <dd>{formatDateTime(backup.createdAt)}</dd>
            <dt>Why</dt>
            <dd>{backupReason(backup.reason)}</dd>
            <dt>Size</dt>
            <dd>{formatBytes(backup.bytes)}</dd>
          </dl>
        ) : (
          <p className="muted">No backup yet. “Back up now” below makes one; your OpenClaw also backs itself up before it sleeps.</p>
        )}
        {runtime.lastBackupError ? (
          <p className="notice notice-warning small" role="alert" data-testid="backup-error">
            {runtime.lastBackupError.failures === 1 ? "The latest backup failed" : `The last ${runtime.lastBackupError.failures} backups failed`} ({formatDateTime(runtime.lastBackupError.at)}):{" "}
            {runtime.lastBackupError.message}. It is tried again by itself; changes since the last good backup are not saved yet.
          </p>
        ) : null}
      </section>
    </div>
  );
}
