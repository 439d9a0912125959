import { isObject, stringOf, toolPayload } from "./tool-result.ts";

/**
 * The gateway's `sessions_list` as the chat's sidebar shows it: main first, then channel
 * conversations (Telegram, …), then the rest, each with a title and when it was last
 * active. Pure, tested with recorded results.
 */
export type SessionGroup = "main" | "channel" | "other";

export interface SessionItem {
  /** The key as the gateway lists it (`main`, `agent:main:webchat-1`). */
  listKey: string;
  /** The key the chat route and the URL use (`main`, `webchat-1`): the list key without `agent:<id>:`. */
  chatKey: string;
  title: string;
  group: SessionGroup;
  /** `telegram`, `webchat`, …, when the gateway names one. */
  channel: string | null;
  /** Epoch ms of the last activity, when known. */
  updatedAt: number | null;
  /** The last message, when the gateway included one. */
  preview: string | null;
}

/** Channels that are this website or the gateway itself, not a messaging app. */
const NOT_A_MESSAGING_CHANNEL = new Set(["webchat", "internal", "unknown", "openresponses", "http", "api"]);

/** `agent:main:webchat-1` → `webchat-1`; `main` stays `main`. */
export function chatKeyOf(listKey: string): string {
  const match = /^agent:[^:]+:(.+)$/.exec(listKey);
  return match ? match[1]! : listKey;
}

export function sessionItemsOf(result: unknown): SessionItem[] {
  const payload = toolPayload(result);
  const rows = payload && Array.isArray(payload.sessions) ? payload.sessions : [];
  const items: SessionItem[] = [];
  for (const row of rows) {
    if (!isObject(row) || row.archived === true) continue;
    const listKey = stringOf(row.key);
    if (!listKey) continue;
    const chatKey = chatKeyOf(listKey);
    const channel = stringOf(row.channel) ?? null;
    const group: SessionGroup = chatKey === "main" ? "main" : channel && !NOT_A_MESSAGING_CHANNEL.has(channel) ? "channel" : "other";
    items.push({
      listKey,
      chatKey,
      title: stringOf(row.label) ?? stringOf(row.displayName) ?? stringOf(row.derivedTitle) ?? (group === "main" ? "Main session" : chatKey),
      group,
      channel,
      updatedAt: typeof row.updatedAt === "number" ? row.updatedAt : null,
      preview: stringOf(row.lastMessagePreview) ?? null,
    });
  }
  return items;
}

/** The sidebar's sections in order, each newest first; empty sections are left out. */
export function groupSessions(items: readonly SessionItem[]): Array<{ group: SessionGroup; label: string; items: SessionItem[] }> {
  const sections: Array<{ group: SessionGroup; label: string }> = [
    { group: "main", label: "Main" },
    { group: "channel", label: "Channels" },
    { group: "other", label: "Other chats" },
  ];
  return sections
    .map((section) => ({ ...section, items: items.filter((item) => item.group === section.group).sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0)) }))
    .filter((section) => section.items.length > 0);
}

/** A fresh session key for "New chat": `webchat-` and a short random id. */
export function newChatKey(random: () => string = () => crypto.randomUUID()): string {
  return `webchat-${random().replace(/-/g, "").slice(0, 10)}`;
}
