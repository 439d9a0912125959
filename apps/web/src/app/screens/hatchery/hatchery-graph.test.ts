import type { ApprovalView, ExecApprovalView, ThreadView } from "@openclaw-cloud/contracts/threads";
import type { InstanceView } from "@openclaw-cloud/contracts/web-views";
import { describe, expect, it } from "vitest";
import type { SessionItem } from "../chat/session-list.ts";
import { hatcheryGraph, INSTANCE_NODE_ID, type HatcheryInput } from "./hatchery-graph.ts";

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
        paired: [{ deviceId: "d2", displayName: "zed", connected: true, roles: [], scopes: [] }, { deviceId: "d1", displayName: "Alpha", connected: false, roles: [], scopes: [] }],
      },
    });
    const ids = Object.fromEntries(columns.map((c) => [c.key, c.nodes.map((n) => n.id)]));
    expect(ids).toEqual({
      chats: ["thread:new", "thread:old"],
      openclaw: [INSTANCE_NODE_ID],
      sessions: ["session:main", "session:b", "session:a"],
      devices: ["device:request:r1", "device:d1", "device:d2"],
    });
    expect(edges.map((e) => e.id)).toEqual([
      "instance->session:main",
      "instance->session:b",
      "instance->session:a",
      "instance->device:request:r1",
      "instance->device:d1",
      "instance->device:d2",
    ]);
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
