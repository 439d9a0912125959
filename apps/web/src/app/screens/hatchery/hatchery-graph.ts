import type { ApprovalView, ExecApprovalView, ThreadView } from "@openclaw-cloud/contracts/threads";
import type { DeviceList, InstanceView, PairedDevice, PendingDevice } from "@openclaw-cloud/contracts/web-views";
import type { SessionItem } from "../chat/session-list.ts";

/**
 * What the Hatchery shows, as data: a person's chats, their pending approvals, their
 * OpenClaw, its sessions and devices, in columns, and the edges for what belongs to
 * what. Pure (no canvas, no fetching), so the shape of the picture is tested.
 */

/** One node's meaning; the inspector shows its details and actions. */
export type HatcheryNodeData =
  | { kind: "instance"; view: InstanceView }
  | { kind: "create" }
  | { kind: "new-thread" }
  | { kind: "thread"; thread: ThreadView; pendingApprovals: number }
  | { kind: "approval"; approval: ApprovalView }
  | { kind: "exec-approval"; approval: ExecApprovalView }
  | { kind: "session"; session: SessionItem }
  | { kind: "device"; device: PairedDevice | PendingDevice; pending: boolean }
  /** The chats and sessions past a column's first cards, gathered in one card (see CARDS_PER_COLUMN). */
  | { kind: "more-threads"; threads: ThreadView[] }
  | { kind: "more-sessions"; sessions: SessionItem[] };

export type HatcheryKind = HatcheryNodeData["kind"];

export interface HatcheryNodeSpec {
  id: string;
  data: HatcheryNodeData;
}

export type ColumnKey = "chats" | "approvals" | "openclaw" | "sessions" | "devices";

export interface HatcheryColumn {
  key: ColumnKey;
  label: string;
  nodes: HatcheryNodeSpec[];
  /** How many things the column stands for (a "more" card stands for many; a call to action for none). */
  total: number;
}

/**
 * The most cards a column of chats or sessions shows; the rest gather in one "more" card.
 * One column of ten cards keeps the whole picture legible when fitted on a laptop screen,
 * with 50 chats as with 5 (more would shrink every card's text past reading).
 */
export const CARDS_PER_COLUMN = 10;

export interface HatcheryEdge {
  id: string;
  source: string;
  target: string;
}

export interface HatcheryInput {
  /** The person's OpenClaw, or null when they have none (yet). */
  instance: InstanceView | null;
  threads: readonly ThreadView[];
  approvals: readonly ApprovalView[];
  execApprovals: readonly ExecApprovalView[];
  sessions: readonly SessionItem[];
  devices: DeviceList | null;
}

export const INSTANCE_NODE_ID = "instance";
export const MORE_THREADS_NODE_ID = "more:threads";
export const MORE_SESSIONS_NODE_ID = "more:sessions";
export const nodeIdOf = {
  thread: (id: string) => `thread:${id}`,
  approval: (id: string) => `approval:${id}`,
  execApproval: (id: string) => `exec:${id}`,
  session: (listKey: string) => `session:${listKey}`,
  device: (device: PairedDevice | PendingDevice) => `device:${"requestId" in device ? `request:${device.requestId}` : device.deviceId}`,
};

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "base" });

/** The Hatchery's columns (chats, approvals, OpenClaw, sessions, devices) and edges. */
export function hatcheryGraph(input: HatcheryInput): { columns: HatcheryColumn[]; edges: HatcheryEdge[] } {
  const threads = input.threads.filter((thread) => !thread.archived).sort((a, b) => b.updatedAt - a.updatedAt);
  const pending = input.approvals.filter((approval) => approval.status === "pending").sort((a, b) => a.requestedAt - b.requestedAt);
  const exec = [...input.execApprovals].sort((a, b) => a.createdAt - b.createdAt);
  const pendingByThread = new Map<string, number>();
  for (const approval of pending) pendingByThread.set(approval.payload.threadId, (pendingByThread.get(approval.payload.threadId) ?? 0) + 1);

  // A chat waiting for an answer stays on its own card, however old, so its approval has an edge to it.
  const [shownThreads, olderThreads] = firstCards(threads, (thread) => pendingByThread.has(thread.id));
  const chatNodes: HatcheryNodeSpec[] = shownThreads.map((thread) => ({
    id: nodeIdOf.thread(thread.id),
    data: { kind: "thread", thread, pendingApprovals: pendingByThread.get(thread.id) ?? 0 },
  }));
  if (olderThreads.length > 0) chatNodes.push({ id: MORE_THREADS_NODE_ID, data: { kind: "more-threads", threads: olderThreads } });
  const columns: HatcheryColumn[] = [{ key: "chats", label: "Chats", nodes: chatNodes.length > 0 ? chatNodes : [{ id: "new-thread", data: { kind: "new-thread" } }], total: threads.length }];
  const approvalNodes: HatcheryNodeSpec[] = [
    ...pending.map((approval) => ({ id: nodeIdOf.approval(approval.id), data: { kind: "approval", approval } }) as const),
    ...exec.map((approval) => ({ id: nodeIdOf.execApproval(approval.id), data: { kind: "exec-approval", approval } }) as const),
  ];
  if (approvalNodes.length > 0) columns.push({ key: "approvals", label: "Approvals", nodes: approvalNodes, total: approvalNodes.length });
  columns.push({
    key: "openclaw",
    label: "OpenClaw Cloud",
    nodes: [input.instance ? { id: INSTANCE_NODE_ID, data: { kind: "instance", view: input.instance } } : { id: INSTANCE_NODE_ID, data: { kind: "create" } }],
    total: input.instance ? 1 : 0,
  });

  // Sessions and devices belong to a running OpenClaw; without one there are none to show.
  const sessions = input.instance ? sortSessions(input.sessions) : [];
  const [shownSessions, moreSessions] = firstCards(sessions, () => false);
  const sessionNodes: HatcheryNodeSpec[] = shownSessions.map((session) => ({ id: nodeIdOf.session(session.listKey), data: { kind: "session", session } }));
  if (moreSessions.length > 0) sessionNodes.push({ id: MORE_SESSIONS_NODE_ID, data: { kind: "more-sessions", sessions: moreSessions } });
  if (sessions.length > 0) columns.push({ key: "sessions", label: "Sessions", nodes: sessionNodes, total: sessions.length });
  const devices = input.instance && input.devices ? sortDevices(input.devices) : [];
  if (devices.length > 0)
    columns.push({ key: "devices", label: "Devices", nodes: devices.map((entry) => ({ id: nodeIdOf.device(entry.device), data: { kind: "device", ...entry } })), total: devices.length });

  const threadIds = new Set(threads.map((thread) => thread.id));
  const edges: HatcheryEdge[] = [
    ...pending.filter((approval) => threadIds.has(approval.payload.threadId)).map((approval) => edge(nodeIdOf.thread(approval.payload.threadId), nodeIdOf.approval(approval.id))),
    ...(input.instance ? exec.map((approval) => edge(nodeIdOf.execApproval(approval.id), INSTANCE_NODE_ID)) : []),
    ...sessionNodes.map((node) => edge(INSTANCE_NODE_ID, node.id)),
    ...devices.map((entry) => edge(INSTANCE_NODE_ID, nodeIdOf.device(entry.device))),
  ];
  return { columns, edges };
}

/**
 * A column's own cards and the rest: the first CARDS_PER_COLUMN - 1 in order (one place is
 * the "more" card's), all of them when they fit. `keep` marks items that must have a card
 * whatever their place; they take the places of the last ones that need not.
 */
function firstCards<T>(items: readonly T[], keep: (item: T) => boolean): [shown: T[], rest: T[]] {
  if (items.length <= CARDS_PER_COLUMN) return [[...items], []];
  const room = CARDS_PER_COLUMN - 1;
  const kept = new Set(items.filter(keep));
  const shown = new Set(items.slice(0, room));
  for (const item of items.slice(room)) {
    if (!kept.has(item)) continue;
    const displaced = [...shown].reverse().find((candidate) => !kept.has(candidate));
    if (displaced === undefined) break;
    shown.delete(displaced);
    shown.add(item);
  }
  return [items.filter((item) => shown.has(item)), items.filter((item) => !shown.has(item))];
}

function edge(source: string, target: string): HatcheryEdge {
  return { id: `${source}->${target}`, source, target };
}

/** The main session first, then the most recently active. */
function sortSessions(sessions: readonly SessionItem[]): SessionItem[] {
  return [...sessions].sort((a, b) => Number(b.group === "main") - Number(a.group === "main") || (b.updatedAt ?? 0) - (a.updatedAt ?? 0) || byName(a.title, b.title));
}

/** Devices waiting for a yes first (oldest request first), then the paired ones by name. */
function sortDevices(list: DeviceList): Array<{ device: PairedDevice | PendingDevice; pending: boolean }> {
  const label = (device: PairedDevice | PendingDevice) => device.displayName ?? device.deviceId;
  return [
    ...[...list.pending].sort((a, b) => a.requestedAt - b.requestedAt).map((device) => ({ device, pending: true })),
    ...[...list.paired].sort((a, b) => byName(label(a), label(b))).map((device) => ({ device, pending: false })),
  ];
}
