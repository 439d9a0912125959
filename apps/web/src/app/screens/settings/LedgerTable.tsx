import type { LedgerEntry } from "@openclaw-cloud/contracts/web-views";
import { formatDateTime, formatNumber } from "../../components/format.ts";
import { DataTable } from "../../components/DataTable.tsx";

/** "+100,000" / "−42". */
function signed(delta: number): string {
  return delta > 0 ? `+${formatNumber(delta)}` : `−${formatNumber(Math.abs(delta))}`;
}

/** Ledger entries, newest first: when, the change, why and the balance after it. */
export function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  if (entries.length === 0) {
    return (
      <div className="table-wrap">
        <p className="empty">No credit changes yet. Credits granted to you and chat turns you take show up here.</p>
      </div>
    );
  }
  return (
    <DataTable columns={["When", "Change", "Reason", "Balance after"]} numeric={["Change", "Balance after"]} caption="Credit changes, newest first">
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td>{formatDateTime(entry.createdAt)}</td>
          <td className={`num ${entry.delta > 0 ? "delta-plus" : "delta-minus"}`}>{signed(entry.delta)}</td>
          <td>
            {entry.reason}
            {entry.reference ? <div className="muted small mono">{entry.reference}</div> : null}
          </td>
          <td className="num">{formatNumber(entry.balanceAfter)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
