import type { DeviceList, DmPairingList } from "@openclaw-cloud/contracts/web-views";
import { useApiData } from "../../api/use-api.ts";
import { ConnectDevicePanel } from "./ConnectDevicePanel.tsx";
import { ControlUiPanel } from "./ControlUiPanel.tsx";
import { DmPairingSection } from "./DmPairingSection.tsx";
import { PairedDevices } from "./PairedDevices.tsx";
import { PendingDevices } from "./PendingDevices.tsx";

/** Pairing requests appear by themselves: the lists are read again this often while the page is open. */
const POLL_MS = 4000;

/** Devices and chats that want in: approve or reject them, see who is paired, connect a new device. */
export function DevicesScreen() {
  const devices = useApiData<DeviceList>("/api/openclaw/devices", { pollMs: POLL_MS });
  const dm = useApiData<DmPairingList>("/api/openclaw/pairing", { pollMs: POLL_MS });
  return (
    <section className="page" aria-labelledby="devices-title">
      <header className="page-header">
        <div>
          <h1 id="devices-title">Devices</h1>
          <p className="lead">Computers, phones and chats that want to reach your OpenClaw wait here until you let them in.</p>
        </div>
      </header>
      <PendingDevices data={devices} />
      <DmPairingSection data={dm} />
      <PairedDevices data={devices} />
      <ConnectDevicePanel />
      <ControlUiPanel />
    </section>
  );
}
