import type { InstanceView } from "@openclaw-cloud/contracts/web-views";
import { formatDateTime } from "../../components/format.ts";

/** What the next request meets (the API's availability sentence), coloured by how ready it is. */
export function AvailabilityNotice({ view }: { view: InstanceView }) {
  const { availability, runtime } = view;
  // A failed start says the same as its last error, which shows it with its time.
  if (runtime.state === "error" && (runtime.lastError ?? view.instance.lastError)) return null;
  const tone = availability.ready ? "notice-success" : runtime.state === "error" ? "notice-error" : runtime.state === "sleeping" ? "notice-warning" : "notice-info";
  return (
    <div className={`notice ${tone}`} role="status" data-testid="availability">
      <span>{availability.ready ? "Ready: requests are answered right away." : sentence(availability.message)}</span>
    </div>
  );
}

/** The API's message as a sentence: a capital first letter and a full stop. */
function sentence(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/** The gateway's last error, with when it happened; nothing when there is none. */
export function LastError({ view }: { view: InstanceView }) {
  const message = view.runtime.lastError ?? view.instance.lastError;
  if (!message) return null;
  const failed = view.runtime.state === "error";
  return (
    <div className="notice notice-error last-error" role="status">
      <div>
        <div className="strong">
          {failed ? "Failed to start" : "Last error"}
          {view.runtime.lastErrorAt ? `, ${formatDateTime(view.runtime.lastErrorAt)}` : ""}
        </div>
        <div className="mono">{message}</div>
        {failed ? <div className="small">The next request tries again, or restart it now.</div> : null}
      </div>
    </div>
  );
}
