import type { DeviceList } from "@openclaw-cloud/contracts/web-views";
import type { ApiData } from "../../api/use-api.ts";
import { formatDateTime } from "../../components/format.ts";
import { deviceKind, deviceName, listWords } from "./device-view.ts";
import { DataTable } from "../../components/DataTable.tsx";

/** Devices already let in, and whether each is connected right now. */
export function PairedDevices({ data }: { data: ApiData<DeviceList> }) {
  if (!data.data) return null;
  const paired = data.data.paired;
  return (
    <section className="section" aria-labelledby="paired-title">
      <h2 id="paired-title">Paired devices</h2>
      <DataTable columns={["Device", "Connection", "Roles and scopes", "Approved"]}>
        {paired.length === 0 ? (
          <tr>
            <td colSpan={4} className="empty">
              No device is paired yet. Approve a request above once a device has connected.
            </td>
          </tr>
        ) : (
          paired.map((device) => (
            <tr key={device.deviceId}>
              <td>
                <div className="strong">{deviceName(device)}</div>
                <div className="muted small">{deviceKind(device)}</div>
              </td>
              <td>{device.connected ? <span className="badge badge-running">Connected</span> : <span className="badge">Offline</span>}</td>
              <td className="small">
                {listWords(device.roles)}
                <div className="muted">{listWords(device.scopes)}</div>
              </td>
              <td className="small">{formatDateTime(device.approvedAt)}</td>
            </tr>
          ))
        )}
      </DataTable>
    </section>
  );
}
