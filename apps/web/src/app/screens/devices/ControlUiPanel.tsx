import { createControlUiLink } from "../../api/devices.ts";
import { useAction } from "../../api/use-api.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";

/**
 * OpenClaw's own dashboard, on an address of its own for this OpenClaw (so nothing it shows
 * can reach this site or anyone else's). Each click makes a fresh one-time link and opens
 * it in a new tab, which then stays signed in to the Control UI for a working day.
 */
export function ControlUiPanel() {
  const link = useAction(createControlUiLink);
  const open = async () => {
    // Opened before the link exists, so the browser counts it as the click's own tab.
    const tab = window.open("about:blank", "_blank");
    const made = await link.run();
    if (!tab) return;
    if (!made) return tab.close();
    tab.opener = null;
    tab.location.href = made.url;
  };
  return (
    <section className="section" aria-labelledby="control-ui-title">
      <div className="card stack">
        <div className="card-title">
          <h2 id="control-ui-title">Control UI</h2>
          <button type="button" className="button" disabled={link.pending} onClick={() => void open()}>
            {link.pending ? "Opening…" : "Open the Control UI"}
          </button>
        </div>
        <p className="muted">OpenClaw's own dashboard, in a new tab. The first time, it asks to pair as a device: approve it above and it connects.</p>
        <ErrorNotice error={link.error} />
      </div>
    </section>
  );
}
