import type { InstanceView } from "@openclaw-cloud/contracts/web-views";
import { useState } from "react";
import { backUpNow } from "../../api/backups.ts";
import { deleteInstance, restartInstance, stopInstance } from "../../api/instance.ts";
import { useAction } from "../../api/use-api.ts";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { formatBytes } from "../../components/format.ts";
import { useInstance } from "../../instance.tsx";
import { SuccessNotice } from "../../components/SuccessNotice.tsx";
import { WAKE_TIME } from "../../wake.ts";

type Kind = "restart" | "backup" | "stop" | "delete";

const UNDER_WAY: Record<Kind, string> = {
  restart: "Restarting your OpenClaw… (about 10 seconds)",
  backup: "Backing up…",
  stop: "Backing up, then putting it to sleep…",
  delete: "Deleting your OpenClaw…",
};

/** Restart, back up, sleep and delete, one at a time, each showing progress and then its result. */
export function InstanceActions({ view }: { view: InstanceView }) {
  const { reload } = useInstance();
  const [running, setRunning] = useState<Kind | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [purgeBackups, setPurgeBackups] = useState(false);
  const action = useAction(async (kind: Kind) => {
    setRunning(kind);
    setResult(null);
    try {
      if (kind === "restart") {
        await restartInstance();
        setResult("Restarted. Your OpenClaw is running again.");
      } else if (kind === "backup") {
        const backup = await backUpNow();
        setResult(`Backed up (${formatBytes(backup.bytes)}).`);
      } else if (kind === "stop") {
        await stopInstance();
        setResult(`Asleep. The next message or request wakes it (${WAKE_TIME}).`);
      } else {
        await deleteInstance(purgeBackups);
      }
    } finally {
      setRunning(null);
      await reload();
    }
  });
  const busy = running !== null;
  const asleep = view.runtime.state === "sleeping";
  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title" className="card-title">
        Actions
      </h2>
      <div className="stack">
        <div className="row">
          <ConfirmButton
            title="Restart your OpenClaw?"
            description="The gateway stops and starts again, which takes about 10 seconds. A reply being written right now is cut off; your sessions and devices stay."
            confirmLabel="Yes, restart"
            onConfirm={() => void action.run("restart")}
            disabled={busy}
          >
            {running === "restart" ? "Restarting…" : "Restart"}
          </ConfirmButton>
          <button type="button" className="button" onClick={() => void action.run("backup")} disabled={busy}>
            {running === "backup" ? "Backing up…" : "Back up now"}
          </button>
          <button type="button" className="button" onClick={() => void action.run("stop")} disabled={busy || asleep} title={asleep ? "It is asleep already" : undefined}>
            {running === "stop" ? "Going to sleep…" : asleep ? "Asleep" : "Put to sleep"}
          </button>
          <span className="actions-spacer" />
          <ConfirmButton
            danger
            title="Delete your OpenClaw?"
            description={
              <div className="stack">
                <span>Its gateway is removed. Unless you also delete the backups, it is backed up first, so creating it again brings your sessions back.</span>
                <label className="checkbox">
                  <input type="checkbox" checked={purgeBackups} onChange={(e) => setPurgeBackups(e.target.checked)} />
                  <span>Also delete all its backups (this cannot be undone)</span>
                </label>
              </div>
            }
            confirmLabel="Yes, delete"
            onConfirm={() => void action.run("delete")}
            disabled={busy}
          >
            {running === "delete" ? "Deleting…" : "Delete"}
          </ConfirmButton>
        </div>
        <p className="muted small actions-hint">Putting it to sleep backs it up and stops it; the next message or request wakes it ({WAKE_TIME}).</p>
        {running ? <Spinner label={UNDER_WAY[running]} /> : null}
        <SuccessNotice message={busy ? null : result} />
        <ErrorNotice error={action.error} />
      </div>
    </section>
  );
}
