import { useEffect, useRef } from "react";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { RefreshButton } from "../../components/RefreshButton.tsx";
import { Spinner } from "../../components/Spinner.tsx";

interface LogBoxProps {
  lines: string[] | null;
  error?: unknown;
  onRefresh?: (() => void) | undefined;
  refreshing?: boolean | undefined;
}

/** The gateway's recent output, newest at the bottom (scrolled there), with a Refresh button. */
export function LogBox({ lines, error, onRefresh, refreshing }: LogBoxProps) {
  const box = useRef<HTMLPreElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new lines are what scrolls the box to its end
  useEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines]);
  return (
    <section className="card" aria-labelledby="logs-title">
      <div className="card-title">
        <h2 id="logs-title">Recent gateway log</h2>
        {onRefresh ? <RefreshButton loading={refreshing ?? false} onRefresh={onRefresh} /> : null}
      </div>
      <p className="muted small">The OpenClaw gateway's own output. Secrets are removed before it reaches this page.</p>
      {error ? <ErrorNotice error={error} onRetry={onRefresh} /> : null}
      {lines === null && !error ? <Spinner label="Loading the log…" /> : null}
      {lines && lines.length === 0 ? <p className="empty">The gateway has not written anything yet.</p> : null}
      {lines && lines.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log must be reachable by keyboard to be scrolled
        <pre ref={box} className="log" role="log" tabIndex={0} aria-label="Gateway log lines">
          {lines.join("\n")}
        </pre>
      ) : null}
    </section>
  );
}
