import type { BillingSummary } from "@openclaw-cloud/contracts/web-views";
import { DataTable } from "../../components/DataTable.tsx";
import { formatNumber } from "../../components/format.ts";
import { surfaceBreakdown } from "./usage-surfaces.ts";

/**
 * Credits spent per day over the last 30 days, newest first: on the OpenClaw (every way of
 * chatting with it, broken down by where the turns came from) and on chat threads.
 */
export function UsageByDayTable({ days }: { days: BillingSummary["usageByDay"] }) {
  if (days.length === 0) {
    return (
      <div className="table-wrap">
        <p className="empty">Nothing spent in the last 30 days.</p>
      </div>
    );
  }
  return (
    <DataTable columns={["Day (UTC)", "OpenClaw", "Chat threads", "Total"]} numeric={["OpenClaw", "Chat threads", "Total"]} caption="Credits spent per day, newest first">
      {days.map((day) => (
        <tr key={day.day}>
          <td>{day.day}</td>
          <td className="num">
            {formatNumber(day.openclaw)}
            {day.openclaw > 0 ? <div className="small muted">{surfaceBreakdown(day.openclawBySurface, formatNumber)}</div> : null}
          </td>
          <td className="num">{formatNumber(day.threads)}</td>
          <td className="num">{formatNumber(day.openclaw + day.threads)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
