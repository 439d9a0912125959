import { formatDateTime } from "../../components/format.ts";

/** A moment in a narrow table column: the date, and the time under it. */
export function When({ value }: { value: number | string | null }) {
  if (value === null) return <span className="muted">never</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className="muted">{formatDateTime(value)}</span>;
  return (
    <time dateTime={date.toISOString()} className="admin-when">
      <span>{date.toLocaleDateString(undefined, { dateStyle: "medium" })}</span>
      <span className="muted">{date.toLocaleTimeString(undefined, { timeStyle: "short" })}</span>
    </time>
  );
}
