import type { ApprovalView, ExecApprovalView, ThreadView } from "@openclaw-cloud/contracts/threads";
import type { InstanceView } from "@openclaw-cloud/contracts/web-views";
import { describe, expect, it } from "vitest";
import type { SessionItem } from "../chat/session-list.ts";
import { CARDS_PER_COLUMN, hatcheryGraph, INSTANCE_NODE_ID, type HatcheryInput } from "./hatchery-graph.ts";

const instance = { runtime: { state: "running" } } as unknown as InstanceView;
const thread = (id: string, updatedAt: number, archived = false): ThreadView => ({ id, title: id, kind: "chat", archived, createdAt: 0, updatedAt });
const session = (listKey: string, updatedAt: number | null, group: SessionItem["group"] = "other"): SessionItem => ({
  listKey,
  chatKey: listKey,
  title: listKey,
  group,
  channel: null,
  updatedAt,
  preview: null,
});
const approval = (id: string, threadId: string, requestedAt: number, status: ApprovalView["status"] = "pending"): ApprovalView => ({
  id,
  kind: "restart",
  payload: { threadId, toolCallId: `call-${id}`, toolName: "openclaw_restart", input: {}, summary: "Restart your OpenClaw." },
  status,
  requestedBy: "u",
  requestedAt,
  resolvedBy: null,
  resolvedAt: null,
});
const exec = (id: string): ExecApprovalView => ({ id, command: "ls", cwd: null, sessionKey: null, createdAt: 1, expiresAt: null });
const empty: HatcheryInput = { instance: null, threads: [], approvals: [], execApprovals: [], sessions: [], devices: null };

describe("hatcheryGraph", () => {
  it("without an OpenClaw: a 'create' node and a 'new chat' node, nothing else", () => {
    const { columns, edges } = hatcheryGraph(empty);
    expect(columns.map((c) => [c.key, c.nodes.map((n) => n.data.kind)])).toEqual([
      ["chats", ["new-thread"]],
      ["openclaw", ["create"]],
    ]);
    expect(edges).toEqual([]);
  });

  it("sessions and devices hang off the instance; threads newest first, archived ones left out; main session first", () => {
    const { columns, edges } = hatcheryGraph({
      ...empty,
      instance,
      threads: [thread("old", 1), thread("new", 5), thread("gone", 9, true)],
      sessions: [session("a", 1), session("b", 7), session("main", 0, "main")],
      devices: {
        pending: [{ requestId: "r1", deviceId: "d-new", isRepair: false, requestedAt: 3, roles: [], scopes: [] }],
        paired: [
          { deviceId: "d2", displayName: "zed", connected: true, roles: [], scopes: [] },
          { deviceId: "d1", displayName: "Alpha", connected: false, roles: [], scopes: [] },
        ],
      },
    });
    const ids = Object.fromEntries(columns.map((c) => [c.key, c.nodes.map((n) => n.id)]));
    expect(ids).toEqual({
      chats: ["thread:new", "thread:old"],
      openclaw: [INSTANCE_NODE_ID],
      sessions: ["session:main", "session:b", "session:a"],
      devices: ["device:request:r1", "device:d1", "device:d2"],
    });
    expect(edges.map((e) => e.id)).toEqual(["instance->session:main", "instance->session:b", "instance->session:a", "instance->device:request:r1", "instance->device:d1", "instance->device:d2"]);
  });

  it("a thread points at its pending approvals (counted on the thread); exec approvals point at the instance", () => {
    const { columns, edges } = hatcheryGraph({
      ...empty,
      instance,
      threads: [thread("t1", 1)],
      approvals: [approval("a2", "t1", 20), approval("a1", "t1", 10), approval("done", "t1", 5, "approved"), approval("orphan", "archived-thread", 30)],
      execApprovals: [exec("e1")],
    });
    const approvals = columns.find((c) => c.key === "approvals")!;
    expect(approvals.nodes.map((n) => n.id)).toEqual(["approval:a1", "approval:a2", "approval:orphan", "exec:e1"]);
    const t1 = columns[0]!.nodes[0]!.data;
    expect(t1.kind === "thread" && t1.pendingApprovals).toBe(2);
    expect(edges.map((e) => e.id)).toEqual(["thread:t1->approval:a1", "thread:t1->approval:a2", "exec:e1->instance"]);
  });
});

describe("a big workspace", () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => i);

  it("shows the newest chats and sessions on their own cards and gathers the rest in one card each", () => {
    const threads = many(50).map((i) => thread(`t${i}`, i));
    const sessions = many(50).map((i) => session(`s${i}`, i, i === 0 ? "main" : "other"));
    const { columns, edges } = hatcheryGraph({ ...empty, instance, threads, sessions });
    const chats = columns.find((column) => column.key === "chats")!;
    expect(chats.nodes).toHaveLength(CARDS_PER_COLUMN);
    expect(chats.total).toBe(50);
    expect(chats.nodes.slice(0, 3).map((node) => node.id)).toEqual(["thread:t49", "thread:t48", "thread:t47"]);
    const older = chats.nodes.at(-1)!.data;
    expect(older.kind === "more-threads" && older.threads.map((t) => t.id)).toEqual(many(41).map((i) => `t${40 - i}`));
    const sessionColumn = columns.find((column) => column.key === "sessions")!;
    expect(sessionColumn.nodes).toHaveLength(CARDS_PER_COLUMN);
    expect(sessionColumn.nodes[0]!.id).toBe("session:s0");
    expect(sessionColumn.nodes.at(-1)!.data.kind).toBe("more-sessions");
    // The instance reaches every session card, the gathered ones through their card.
    expect(edges.filter((e) => e.source === INSTANCE_NODE_ID).map((e) => e.target)).toEqual(sessionColumn.nodes.map((node) => node.id));
  });

  it("keeps an old chat that waits for an answer on its own card, linked to its approval", () => {
    const threads = many(30).map((i) => thread(`t${i}`, i));
    const { columns, edges } = hatcheryGraph({ ...empty, instance, threads, approvals: [approval("a1", "t0", 5)] });
    const chats = columns.find((column) => column.key === "chats")!;
    expect(chats.nodes.map((node) => node.id)).toContain("thread:t0");
    expect(chats.nodes).toHaveLength(CARDS_PER_COLUMN);
    expect(edges).toContainEqual(expect.objectContaining({ source: "thread:t0", target: "approval:a1" }));
    const older = chats.nodes.at(-1)!.data;
    expect(older.kind === "more-threads" && older.threads.some((t) => t.id === "t0")).toBe(false);
  });

  it("shows everything when it fits", () => {
    const { columns } = hatcheryGraph({ ...empty, threads: many(CARDS_PER_COLUMN).map((i) => thread(`t${i}`, i)) });
    expect(columns[0]!.nodes.every((node) => node.data.kind === "thread")).toBe(true);
  });
});
