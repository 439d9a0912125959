import type { StepRow } from "./creation-steps.ts";

const SPOKEN: Record<StepRow["state"], string> = { pending: "not started", current: "in progress", done: "done", failed: "failed" };

/** Steps with done / current / failed marks (the `.stages` list), readable by screen readers too. */
export function StepList({ rows, label }: { rows: StepRow[]; label: string }) {
  return (
    <ol className="stages" aria-label={label}>
      {rows.map((row) => (
        <li key={row.id} className={`stage stage-${row.state}`} aria-current={row.state === "current" ? "step" : undefined}>
          {row.label}
          <span className="visually-hidden"> ({SPOKEN[row.state]})</span>
        </li>
      ))}
    </ol>
  );
}
