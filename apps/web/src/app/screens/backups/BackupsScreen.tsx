import type { BackupManifest } from "@openclaw-cloud/contracts/web-views";
import { useState } from "react";
import { BACKUPS_PATH, backUpNow, restoreBackup } from "../../api/backups.ts";
import { useAction, useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { formatBytes, formatDateTime } from "../../components/format.ts";
import { useInstance } from "../../instance.tsx";
import { Link } from "../../router.tsx";
import { BackupTable } from "./BackupTable.tsx";
import { SuccessNotice } from "../../components/SuccessNotice.tsx";

type Work = { kind: "backup" } | { kind: "restore"; backup: BackupManifest };

/** `/backups`: the OpenClaw's backups, newest first; back up now, or restore one. */
export function BackupsScreen() {
  const { status, reload: reloadInstance } = useInstance();
  const hasInstance = status.kind === "present";
  const list = useApiData<{ backups: BackupManifest[] }>(hasInstance ? BACKUPS_PATH : null);
  const [running, setRunning] = useState<Work | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const action = useAction(async (work: Work) => {
    setRunning(work);
    setResult(null);
    try {
      if (work.kind === "backup") {
        const made = await backUpNow();
        setResult(`Backed up (${formatBytes(made.bytes)}).`);
      } else {
        await restoreBackup(work.backup.id);
        setResult(`Restored the backup from ${formatDateTime(work.backup.createdAt)}. Your OpenClaw is running on it.`);
      }
    } finally {
      setRunning(null);
      await Promise.all([list.reload(), reloadInstance()]);
    }
  });

  if (status.kind === "none") {
    return (
      <section className="page">
        <h1>Backups</h1>
        <p className="empty card">
          You do not have an OpenClaw yet, so there is nothing to back up. <Link to="/">Create your OpenClaw</Link> first.
        </p>
      </section>
    );
  }
  const busy = running !== null;
  const backups = list.data?.backups ?? null;
  return (
    <section className="page" aria-labelledby="backups-title">
      <header className="page-header">
        <div>
          <h1 id="backups-title">Backups</h1>
          <p className="lead">Snapshots of your OpenClaw's state: sessions, memory, paired devices and settings.</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => void action.run({ kind: "backup" })} disabled={busy || !hasInstance}>
          {running?.kind === "backup" ? "Backing up…" : "Back up now"}
        </button>
      </header>
      <div className="stack">
        {running ? <Spinner label={running.kind === "backup" ? "Backing up…" : `Restoring the backup from ${formatDateTime(running.backup.createdAt)}… (about 15 seconds)`} /> : null}
        <SuccessNotice message={busy ? null : result} />
        <ErrorNotice error={action.error} />
        <ErrorNotice error={list.error} onRetry={() => void list.reload()} />
        {backups === null && !list.error ? <Spinner label="Loading backups…" /> : null}
        {backups !== null ? <BackupTable backups={backups} busy={busy} onRestore={(backup) => void action.run({ kind: "restore", backup })} /> : null}
      </div>
    </section>
  );
}
