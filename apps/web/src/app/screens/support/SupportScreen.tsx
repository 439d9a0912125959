import type { DeviceList, GatewayLogs } from "@openclaw-cloud/contracts/web-views";
import { DEVICES_PATH, LOGS_PATH } from "../../api/support.ts";
import { useApiData } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { useInstance } from "../../instance.tsx";
import { Link } from "../../router.tsx";
import { SupportDetails } from "./SupportDetails.tsx";

/** `/support`: the person's own OpenClaw as support sees it, to fix things or tell us about them. */
export function SupportScreen() {
  const { status, reload } = useInstance();
  const present = status.kind === "present";
  const logs = useApiData<GatewayLogs>(present ? LOGS_PATH : null);
  const devices = useApiData<DeviceList>(present ? DEVICES_PATH : null);
  return (
    <section className="page" aria-labelledby="support-title">
      <header className="page-header">
        <div>
          <h1 id="support-title">Support</h1>
          <p className="lead">How your OpenClaw is doing, and what its gateway said last. Useful when something does not work.</p>
        </div>
      </header>
      {status.kind === "loading" ? <Spinner label="Loading your OpenClaw…" /> : null}
      {status.kind === "failed" ? <ErrorNotice error={status.error} onRetry={() => void reload()} /> : null}
      {status.kind === "none" || present ? (
        <SupportDetails
          view={present ? status.view : null}
          logs={logs.data?.lines ?? null}
          logsError={logs.error}
          onRefreshLogs={() => void logs.reload()}
          refreshingLogs={logs.loading}
          devices={devices.data}
          devicesError={devices.error}
          noInstance={
            <>
              You do not have an OpenClaw yet. <Link to="/">Create your OpenClaw</Link> to get started.
            </>
          }
        />
      ) : null}
    </section>
  );
}
