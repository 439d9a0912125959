import type { ThreadView } from "@openclaw-cloud/contracts/threads";
import type { InstanceView } from "@openclaw-cloud/contracts/web-views";
import { describe, expect, it } from "vitest";
import { nodeText } from "./node-text.ts";

const NOW = 1_700_000_000_000;
const thread: ThreadView = { id: "t1", title: "Plan the week", kind: "chat", archived: false, createdAt: NOW - 60_000, updatedAt: NOW - 5 * 60_000 };

describe("nodeText", () => {
  it("an instance reads as its agent, model and state", () => {
    const view = { runtime: { state: "running", agent: { name: "Clawd" }, model: { provider: "openai", model: "gpt-x" } }, instance: {} } as unknown as InstanceView;
    expect(nodeText({ kind: "instance", view }, NOW)).toEqual({ kind: "OpenClaw Cloud", title: "Clawd", detail: "openai/gpt-x", tone: "plain", state: "running" });
  });

  it("a thread says when it was active and, when something waits for the person, asks for attention", () => {
    expect(nodeText({ kind: "thread", thread, pendingApprovals: 0 }, NOW)).toMatchObject({ title: "Plan the week", detail: "active 5 min ago", tone: "plain" });
    expect(nodeText({ kind: "thread", thread, pendingApprovals: 2 }, NOW)).toMatchObject({ detail: "2 waiting for you · active 5 min ago", tone: "attention" });
  });

  it("the call to create an OpenClaw is a call, not a plain node", () => {
    expect(nodeText({ kind: "create" }, NOW)).toMatchObject({ title: "Create your OpenClaw", tone: "call" });
  });

  it("a device request asks for attention; a paired device says whether it is connected", () => {
    const base = { deviceId: "abcdef1234567890", platform: "linux", roles: [], scopes: [] };
    expect(nodeText({ kind: "device", device: { ...base, requestId: "r", isRepair: false, requestedAt: 1 }, pending: true }, NOW)).toMatchObject({ kind: "Device asks to pair", tone: "attention" });
    expect(nodeText({ kind: "device", device: { ...base, displayName: "laptop", connected: true }, pending: false }, NOW)).toMatchObject({ title: "laptop", detail: "linux · connected" });
  });
});
