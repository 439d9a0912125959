import type { DeviceList, InstanceView } from "@openclaw-cloud/contracts/web-views";
import type { ReactNode } from "react";
import { StateBadge } from "../../components/StateBadge.tsx";
import { formatDateTime, formatDuration } from "../../components/format.ts";
import { backupReason } from "../backups/backup-reason.ts";
import { AvailabilityNotice, LastError } from "./InstanceHealth.tsx";
import { LogBox } from "./LogBox.tsx";
import { PairingSummary } from "./PairingSummary.tsx";

export interface SupportDetailsProps {
  /** The instance as the API answers it; null when there is none. */
  view: InstanceView | null;
  /** The gateway's recent log lines; null while loading. */
  logs: string[] | null;
  logsError?: unknown;
  onRefreshLogs?: () => void;
  refreshingLogs?: boolean;
  /** Pending and paired devices; leave out where they are not known (an admin's view). */
  devices?: DeviceList | null;
  devicesError?: unknown;
  /** Shown when there is no instance (what to do next differs for the person and an admin). */
  noInstance?: ReactNode;
}

/**
 * What support needs to see of one OpenClaw: state, last error, availability, pairing and
 * the gateway's recent output. Takes the data as props, so the person's own Support page
 * and an admin's view of any user show the same thing.
 */
export function SupportDetails({ view, logs, logsError, onRefreshLogs, refreshingLogs, devices, devicesError, noInstance }: SupportDetailsProps) {
  if (!view) return <div className="card empty">{noInstance ?? "No OpenClaw instance."}</div>;
  const { runtime, instance } = view;
  return (
    <div className="stack">
      <AvailabilityNotice view={view} />
      <LastError view={view} />
      <div className="grid grid-fit">
        <section className="card" aria-labelledby="support-state-title">
          <h2 id="support-state-title" className="card-title">
            Instance
          </h2>
          <dl className="kv">
            <dt>State</dt>
            <dd>
              <StateBadge state={runtime.state} />
            </dd>
            <dt>In this state since</dt>
            <dd>{formatDateTime(runtime.since)}</dd>
            {runtime.state === "running" ? (
              <>
                <dt>Up for</dt>
                <dd>{formatDuration(runtime.uptimeMs)}</dd>
              </>
            ) : null}
            <dt>Model</dt>
            <dd className="mono">
              {(runtime.model ?? instance).provider}/{(runtime.model ?? instance).model}
            </dd>
            <dt>OpenClaw</dt>
            <dd>{runtime.openclawVersion ?? instance.openclawVersion ?? "—"}</dd>
            <dt>Last backup</dt>
            <dd>{runtime.lastBackup ? `${formatDateTime(runtime.lastBackup.createdAt)} (${backupReason(runtime.lastBackup.reason).toLowerCase()})` : "none"}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(instance.createdAt)}</dd>
            <dt>Last error</dt>
            <dd>{runtime.lastErrorAt ? formatDateTime(runtime.lastErrorAt) : runtime.lastError || instance.lastError ? "time unknown" : "none"}</dd>
          </dl>
        </section>
        {devices !== undefined ? <PairingSummary devices={devices} error={devicesError} /> : null}
      </div>
      <LogBox lines={logs} error={logsError} onRefresh={onRefreshLogs} refreshing={refreshingLogs} />
    </div>
  );
}
