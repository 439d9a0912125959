import type { DeviceList, PendingDevice } from "@openclaw-cloud/contracts/web-views";
import { approveDevice, rejectDevice } from "../../api/devices.ts";
import { useAction, type ApiData } from "../../api/use-api.ts";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Spinner } from "../../components/Spinner.tsx";
import { deviceKind, deviceName, listWords } from "./device-view.ts";

/** Devices that asked to connect and wait for an answer, newest first. */
export function PendingDevices({ data }: { data: ApiData<DeviceList> }) {
  const pending = [...(data.data?.pending ?? [])].sort((a, b) => b.requestedAt - a.requestedAt);
  return (
    <section className="section" aria-labelledby="pending-title">
      <h2 id="pending-title">Waiting for approval</h2>
      <ErrorNotice error={data.error} onRetry={() => void data.reload()} />
      {!data.data && data.loading && !data.error ? <Spinner label="Loading devices…" /> : null}
      {data.data && pending.length === 0 ? <p className="card empty">No device is waiting. Connect one with the link below; its request shows up here by itself.</p> : null}
      <ul className="device-list">
        {pending.map((device) => (
          <PendingDeviceCard key={device.requestId} device={device} onAnswered={() => void data.reload()} />
        ))}
      </ul>
    </section>
  );
}

function PendingDeviceCard({ device, onAnswered }: { device: PendingDevice; onAnswered: () => void }) {
  const approve = useAction(approveDevice);
  const reject = useAction(rejectDevice);
  const busy = approve.pending || reject.pending;
  const name = deviceName(device);
  const answer = async (action: { run: (requestId: string) => Promise<unknown> }) => {
    if ((await action.run(device.requestId)) !== undefined) onAnswered();
  };
  return (
    <li className="card device-card" aria-label={`Pairing request from ${name}`}>
      <div className="card-title">
        <h3>{name}</h3>
        {device.isRepair ? <span className="badge">Re-pairing</span> : <span className="badge badge-sleeping">New device</span>}
      </div>
      <dl className="kv small">
        <dt>Asks for roles</dt>
        <dd>{listWords(device.roles)}</dd>
        <dt>Scopes</dt>
        <dd>{listWords(device.scopes)}</dd>
        <dt>Platform</dt>
        <dd>{deviceKind(device)}</dd>
        <dt>From address</dt>
        <dd className="mono">{device.remoteIp ?? "unknown"}</dd>
        <dt>Asked</dt>
        <dd>{formatDateTime(device.requestedAt)}</dd>
        <dt>Device id</dt>
        <dd className="mono">{device.deviceId}</dd>
      </dl>
      <ErrorNotice error={approve.error ?? reject.error} />
      <div className="row device-actions">
        <ConfirmButton
          className="button button-primary"
          disabled={busy}
          title={`Let ${name} in?`}
          description={
            <>
              <p>
                {name} gets access to your OpenClaw with the roles {listWords(device.roles)} and the scopes {listWords(device.scopes)}. Approve only a device you just connected yourself.
              </p>
              <p className="mono">Address: {device.remoteIp ?? "unknown"}</p>
            </>
          }
          confirmLabel="Yes, approve"
          onConfirm={() => void answer(approve)}
        >
          {approve.pending ? "Approving…" : "Approve"}
        </ConfirmButton>
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void answer(reject)}>
          {reject.pending ? "Rejecting…" : "Reject"}
        </button>
      </div>
    </li>
  );
}
