import { useEffect, useState } from "react";
import { createDeviceLink } from "../../api/devices.ts";
import { useAction } from "../../api/use-api.ts";
import { CopyButton } from "../../components/CopyButton.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { formatDateTime } from "../../components/format.ts";
import { expiresIn, nodeCommand } from "./device-view.ts";

/**
 * A short-lived link to the person's gateway: the command that connects an OpenClaw node
 * through it. The link carries a ticket, never the gateway's token; the first device that
 * connects with it owns it.
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
        <p className="muted">A link lets one of your machines reach your OpenClaw. Use it within a few minutes, on one device: that device then asks to pair and waits above until you approve it.</p>
        <ErrorNotice error={link.error} />
        {current ? (
          <div className="stack">
            <p className={expired ? "notice notice-warning" : "small"} role="status">
              {expired
                ? "This link has expired unless a device already connected with it. Create a new one for another device; devices already paired stay connected."
                : `This link ${expiresIn(current.expiresAt, now)} (at ${formatDateTime(current.expiresAt)}). Connect the device before then.`}
            </p>
            <div>
              <h3>Connect an OpenClaw node</h3>
              <p className="small muted">On the machine, with OpenClaw installed, run this (change the display name if you like):</p>
              <pre className="command">{command}</pre>
              <CopyButton text={command} label="Copy command" />
              <p className="small muted connect-note">
                The node keeps this address for reconnecting, and the link keeps working for that node alone (for 30 days after it last connected). Another device needs a link of its own.
              </p>
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
