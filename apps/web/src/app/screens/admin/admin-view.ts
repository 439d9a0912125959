/** The admin screens' pure pieces: searching users, ordering the waitlist, naming people by email. */
import type { AdminUser, WaitlistEntry } from "@openclaw-cloud/contracts/web-views";
import { matchPath } from "../../router.tsx";

/** Users whose email or name contains `query` (case-insensitive, trimmed); all of them for an empty query. */
export function filterUsers<U extends Pick<AdminUser, "email" | "name">>(users: readonly U[], query: string): U[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...users];
  return users.filter((user) => user.email.toLowerCase().includes(needle) || (user.name ?? "").toLowerCase().includes(needle));
}

/** Pending entries first (oldest first: they have waited longest), then approved ones (newest approval first). */
export function pendingFirst<E extends Pick<WaitlistEntry, "approved" | "approvedAt" | "createdAt">>(entries: readonly E[]): E[] {
  return [...entries].sort((a, b) => {
    if (a.approved !== b.approved) return a.approved ? 1 : -1;
    if (!a.approved) return a.createdAt - b.createdAt;
    return (b.approvedAt ?? b.createdAt) - (a.approvedAt ?? a.createdAt);
  });
}

/** User id → email, from the users list. */
export type EmailDirectory = ReadonlyMap<string, string>;

export function emailDirectory(users: ReadonlyArray<Pick<AdminUser, "id" | "email">> | null | undefined): EmailDirectory {
  return new Map((users ?? []).map((user) => [user.id, user.email]));
}

/**
 * A person as an admin reads them: the email for a known user id, the email the API put
 * beside the id (`"<id> (<email>)"`, as audit actors sometimes come), or the id itself.
 */
export function personLabel(idOrLabel: string | null | undefined, directory: EmailDirectory): string {
  if (!idOrLabel) return "—";
  const known = directory.get(idOrLabel);
  if (known) return known;
  const withEmail = /^(\S+) \((.+)\)$/.exec(idOrLabel);
  if (withEmail) return directory.get(withEmail[1]!) ?? withEmail[2]!;
  return idOrLabel;
}

/** Audit details as one line of JSON ("—" for none); long ones are cut with "…". */
export function compactJson(value: unknown, maxLength = 240): string {
  if (value === null || value === undefined) return "—";
  let text: string;
  try {
    // One line, with a space after each comma and colon so a narrow column can wrap it between values.
    text = JSON.stringify(value, null, 1)?.replace(/\n\s*/g, " ") ?? String(value);
  } catch {
    text = String(value);
  }
  if (text === "{}" || text === "[]") return "—";
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** The grant form's fields checked before sending: a whole amount of at least 1 and a reason. */
export function parseGrant(amountText: string, reasonText: string): { ok: true; amount: number; reason: string } | { ok: false; problem: string } {
  const trimmed = amountText.trim();
  const amount = Number(trimmed);
  if (!trimmed || !Number.isInteger(amount) || amount < 1) return { ok: false, problem: "Enter a whole number of credits, 1 or more." };
  if (amount > 1_000_000_000) return { ok: false, problem: "That is more than 1,000,000,000 credits at once." };
  const reason = reasonText.trim();
  if (!reason) return { ok: false, problem: "Say why you grant them (it is kept in the ledger and the audit log)." };
  if (reason.length > 256) return { ok: false, problem: "Keep the reason to 256 characters." };
  return { ok: true, amount, reason };
}

/** The admin area's tabs, in order; the first is `/admin` itself. */
export const ADMIN_TABS = [
  { id: "users", label: "Users" },
  { id: "waitlist", label: "Waitlist" },
  { id: "instances", label: "Instances" },
  { id: "audit", label: "Audit log" },
] as const;

export type AdminTabId = (typeof ADMIN_TABS)[number]["id"];

/** Which tab a path shows: `/admin` is Users, `/admin/<tab>` that tab, anything else null (not found). */
export function tabForPath(path: string): AdminTabId | null {
  if (matchPath("/admin", path)) return "users";
  const tab = matchPath("/admin/:tab", path)?.tab;
  return ADMIN_TABS.find((t) => t.id === tab)?.id ?? null;
}
