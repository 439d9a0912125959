import type { InstanceView } from "@openclaw-cloud/contracts/web-views";
import { StateBadge } from "../../../components/StateBadge.tsx";
import { formatDateTime, formatDuration } from "../../../components/format.ts";
import { Link } from "../../../router.tsx";
import { InstanceActions } from "../../home/InstanceActions.tsx";
import { AvailabilityNotice, LastError } from "../../support/InstanceHealth.tsx";

/** The person's OpenClaw: its state, model and age, its screens, and the home screen's actions. */
export function InstanceInspector({ view }: { view: InstanceView }) {
  const { runtime, instance } = view;
  const model = runtime.model ?? { provider: instance.provider, model: instance.model };
  return (
    <>
      <dl className="kv">
        <dt>State</dt>
        <dd>
          <StateBadge state={runtime.state} />
        </dd>
        <dt>Model</dt>
        <dd className="mono">
          {model.provider}/{model.model}
        </dd>
        <dt>{runtime.state === "running" ? "Up for" : "Since"}</dt>
        <dd>{runtime.state === "running" ? formatDuration(runtime.uptimeMs) : formatDateTime(runtime.since)}</dd>
      </dl>
      <AvailabilityNotice view={view} />
      <LastError view={view} />
      <nav className="row" aria-label="Your OpenClaw's screens">
        <Link to="/openclaw" className="button button-primary button-small">
          Overview
        </Link>
        <Link to="/chat" className="button button-small">
          Chat
        </Link>
        <Link to="/devices" className="button button-small">
          Devices
        </Link>
        <Link to="/backups" className="button button-small">
          Backups
        </Link>
      </nav>
      <InstanceActions view={view} />
    </>
  );
}

/** No OpenClaw yet: what it is, and the way to create one. */
export function CreateInspector() {
  return (
    <>
      <p>Your own OpenClaw gateway runs in the cloud, isolated from everyone else's. Chat with it here, pair your devices and channels with it, and back it up.</p>
      <Link to="/create" className="button button-primary">
        Create your OpenClaw
      </Link>
    </>
  );
}
