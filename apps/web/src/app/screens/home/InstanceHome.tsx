import type { InstanceView } from "@openclaw-cloud/contracts/web-views";
import { StateBadge } from "../../components/StateBadge.tsx";
import { Link } from "../../router.tsx";
import { AvailabilityNotice, LastError } from "../support/InstanceHealth.tsx";
import { InstanceActions } from "./InstanceActions.tsx";
import { InstanceOverview } from "./InstanceOverview.tsx";

/** The OpenClaw's home: how it is, what it runs, its last backup and error, and what can be done with it. */
export function InstanceHome({ view }: { view: InstanceView }) {
  return (
    <section className="page" aria-labelledby="home-title">
      <header className="page-header">
        <div>
          <h1 id="home-title" className="row">
            {view.runtime.agent?.name ?? "Your OpenClaw"} <StateBadge state={view.runtime.state} />
          </h1>
          <p className="lead">Your OpenClaw gateway in the cloud.</p>
        </div>
        <nav className="row" aria-label="Go to">
          <Link to="/chat" className="button button-primary">
            Chat
          </Link>
          <Link to="/devices" className="button">
            Devices
          </Link>
          <Link to="/backups" className="button">
            Backups
          </Link>
        </nav>
      </header>
      <div className="stack">
        <AvailabilityNotice view={view} />
        <LastError view={view} />
        <InstanceOverview view={view} />
        <InstanceActions view={view} />
      </div>
    </section>
  );
}
