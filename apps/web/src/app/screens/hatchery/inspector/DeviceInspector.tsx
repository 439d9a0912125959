import type { PairedDevice, PendingDevice } from "@openclaw-cloud/contracts/web-views";
import { formatDateTime } from "../../../components/format.ts";
import { Link } from "../../../router.tsx";
import { deviceKind, listWords } from "../../devices/device-view.ts";

/** A paired device or a pairing request: what it is and asks for; answered on the Devices screen. */
export function DeviceInspector({ device, pending }: { device: PairedDevice | PendingDevice; pending: boolean }) {
  return (
    <>
      {pending ? <p className="notice notice-warning small">This device asks to pair with your OpenClaw.</p> : null}
      <dl className="kv">
        <dt>Kind</dt>
        <dd>{deviceKind(device)}</dd>
        <dt>Roles</dt>
        <dd>{listWords(device.roles)}</dd>
        <dt>Scopes</dt>
        <dd>{listWords(device.scopes)}</dd>
        {"connected" in device ? (
          <>
            <dt>Connected</dt>
            <dd>{device.connected ? "yes" : "no"}</dd>
            <dt>Paired</dt>
            <dd>{device.approvedAt ? formatDateTime(device.approvedAt) : "—"}</dd>
          </>
        ) : (
          <>
            <dt>Asked</dt>
            <dd>{formatDateTime(device.requestedAt)}</dd>
          </>
        )}
        <dt>Id</dt>
        <dd className="mono">{device.deviceId}</dd>
      </dl>
      <Link to="/devices" className="button button-primary">
        {pending ? "Answer on the Devices page" : "Open Devices"}
      </Link>
    </>
  );
}
