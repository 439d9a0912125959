import { useEffect, useState } from "react";
import { createDeviceLink } from "../../api/devices.ts";
import { useAction } from "../../api/use-api.ts";
import { CopyButton } from "../../components/CopyButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatDateTime } from "../../components/format.ts";
import { expiresIn, nodeCommand } from "./device-view.ts";

/**
 * A short-lived link to the person's gateway: the command that connects an OpenClaw node
 * through it, and the Control UI. The link carries a ticket, never the gateway's token.
 */
export function ConnectDevicePanel() {
  const link = useAction(createDeviceLink);
  const [current, setCurrent] = useState<Awaited<ReturnType<typeof createDeviceLink>> | null>(null);
  const now = useNow(current ? 1000 : null);
  const create = async () => {
    const made = await link.run();
    if (made) setCurrent(made);
  };
  const expired = current ? Date.parse(current.expiresAt) <= now : false;
  const command = current ? nodeCommand(current.wsUrl) : "";
  return (
    <section className="section" aria-labelledby="connect-title">
      <div className="card stack">
        <div className="card-title">
          <h2 id="connect-title">Connect a device</h2>
          <button type="button" className={current ? "button" : "button button-primary"} disabled={link.pending} onClick={() => void create()}>
            {link.pending ? "Creating link…" : current ? "New link" : "Create a link"}
          </button>
        </div>
        <p className="muted">A link lets one of your machines reach your OpenClaw for a few minutes. The device then asks to pair and waits above until you approve it.</p>
        <ErrorNotice error={link.error} />
        {current ? (
          <div className="stack">
            <p className={expired ? "notice notice-warning" : "small"} role="status">
              {expired
                ? "This link has expired. Create a new one; devices already paired stay connected."
                : `This link ${expiresIn(current.expiresAt, now)} (at ${formatDateTime(current.expiresAt)}). Connect the device before then.`}
            </p>
            <div>
              <h3>Connect an OpenClaw node</h3>
              <p className="small muted">On the machine, with OpenClaw installed, run this (change the display name if you like):</p>
              <pre className="command">{command}</pre>
              <CopyButton text={command} label="Copy command" />
              <p className="small muted connect-note">
                The node keeps this address for reconnecting, so once the link has expired a node that lost its connection needs a new link and the command again.
              </p>
            </div>
            <div>
              <h3>Open the Control UI</h3>
              <p className="small muted">OpenClaw's own dashboard, opened through this link in a new tab.</p>
              <div className="row">
                <a className="button" href={current.url} target="_blank" rel="noopener noreferrer">
                  Open the Control UI
                </a>
                <CopyButton text={current.url} label="Copy address" />
              </div>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** The time now, ticking every `intervalMs` (null: not ticking), so an expiry counts down. */
function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
