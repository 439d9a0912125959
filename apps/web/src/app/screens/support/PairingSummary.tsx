import type { DeviceList } from "@openclaw-cloud/contracts/web-views";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";

/** How many devices wait for approval, are paired and are connected now. */
export function PairingSummary({ devices, error }: { devices: DeviceList | null; error?: unknown }) {
  return (
    <section className="card" aria-labelledby="pairing-title">
      <h2 id="pairing-title" className="card-title">
        Devices
      </h2>
      {error ? <ErrorNotice error={error} /> : null}
      {!devices && !error ? <Spinner label="Loading devices…" /> : null}
      {devices ? (
        <dl className="kv">
          <dt>Waiting for approval</dt>
          <dd>{devices.pending.length > 0 ? <span className="badge badge-sleeping">{devices.pending.length}</span> : devices.pending.length}</dd>
          <dt>Paired</dt>
          <dd>{devices.paired.length}</dd>
          <dt>Connected now</dt>
          <dd>{devices.paired.filter((device) => device.connected).length}</dd>
        </dl>
      ) : null}
    </section>
  );
}
