import { env, evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { AgentEnv } from "./env.ts";
import { agentName } from "./thread-name.ts";
import { balanceOf, callAgent, callApi, eventually, expectError, expectOk, modelRequests, newThread, newUser, storedMessages, uiChunks } from "../test-support/agent-harness.ts";

describe("the agent worker's door", () => {
  it("refuses a missing or wrong internal key and a malformed user id", async () => {
    await expectError(await callAgent("/internal/chat", { json: { threadId: "k57abc0123", text: "hi" } }), 401, "unauthorized");
    await expectError(await callAgent("/internal/chat", { headers: { "x-oa-internal-key": "wrong", "x-oa-user-id": "user_1" }, json: {} }), 401, "unauthorized");
    await expectError(await callAgent("/agents/thread-agent/k57abc0123", { headers: { "x-oa-internal-key": "wrong", "x-oa-user-id": "user_1", upgrade: "websocket" } }), 401, "unauthorized");
    const user = await newUser();
    await expectError(await callAgent("/internal/chat", { headers: { ...user.headers, "x-oa-user-id": "no spaces allowed" }, json: {} }), 401, "unauthorized");
  });

  it("answers bad bodies and unknown paths with JSON errors", async () => {
    const user = await newUser();
    const threadId = await newThread(user);
    await expectError(await callAgent("/internal/chat", { headers: user.headers, body: "{not json" }), 400, "invalid_json");
    await expectError(await callAgent("/internal/chat", { headers: user.headers, json: { threadId, text: "" } }), 400, "invalid_request");
    await expectError(await callAgent("/internal/chat", { headers: user.headers, json: { threadId, text: "hi", extra: 1 } }), 400, "invalid_request");
    await expectError(await callAgent("/internal/approval/respond", { headers: user.headers, json: { threadId, toolCallId: "x" } }), 400, "invalid_request");
    await expectError(await callAgent("/nowhere", { headers: user.headers }), 404, "not_found");
    await expectError(await callAgent("/agents/thread-agent/NOT-A-THREAD", { headers: user.headers }), 404, "not_found");
  });

  it("refuses another user's thread on every route", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const threadId = await newThread(owner);
    await expectError(await callAgent("/internal/chat", { headers: stranger.headers, json: { threadId, text: "hi" } }), 404, "not_found");
    await expectError(await callAgent("/internal/approval/respond", { headers: stranger.headers, json: { threadId, toolCallId: "call_1", approved: true } }), 404, "not_found");
    await expectError(await callAgent(`/agents/thread-agent/${threadId}/get-messages`, { headers: stranger.headers }), 404, "not_found");
    await expectError(await callAgent(`/agents/thread-agent/${threadId}`, { headers: { ...stranger.headers, upgrade: "websocket" } }), 404, "not_found");
  });
});

describe("/internal/chat", () => {
  it("streams a tool-calling turn, persists it and debits its usage", async () => {
    const user = await newUser();
    const threadId = await newThread(user);
    const before = await balanceOf(user);
    const response = await callAgent("/internal/chat", { headers: user.headers, json: { threadId, text: "Check my credits [tool:billing_summary]" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const chunks = await uiChunks(response);
    expect(chunks.find((c) => c.type === "tool-input-available")).toMatchObject({ toolName: "billing_summary" });
    expect(chunks.find((c) => c.type === "tool-output-available")?.output).toMatchObject({ balance: before });
    const text = chunks
      .filter((c) => c.type === "text-delta")
      .map((c) => c.delta)
      .join("");
    expect(text).toContain("Tool billing_summary returned:");

    const messages = await storedMessages(user, threadId);
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(messages[1]!.parts.some((p) => p.type === "tool-billing_summary" && p.state === "output-available")).toBe(true);
    expect(await balanceOf(user)).toBeLessThan(before);
    const { thread } = (await expectOk(await callApi(`/api/threads/${threadId}`, { headers: user.headers }))) as { thread: { title: string } };
    expect(thread.title).not.toBe("New chat");

    // A second turn continues the same transcript.
    await uiChunks(await callAgent("/internal/chat", { headers: user.headers, json: { threadId, text: "and again" } }));
    expect((await storedMessages(user, threadId)).map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
  });

  it("refuses a turn without credits before any model request", async () => {
    const user = await newUser({ credits: 0 });
    const threadId = await newThread(user);
    const requestsBefore = await modelRequests();
    const message = await expectError(await callAgent("/internal/chat", { headers: user.headers, json: { threadId, text: "hello" } }), 402, "insufficient_credits");
    expect(message).toMatch(/out of credits/i);
    expect(await modelRequests()).toBe(requestsBefore);
    expect(await storedMessages(user, threadId)).toEqual([]);
  });
});

describe("approvals", () => {
  async function pendingProvision() {
    const user = await newUser();
    const threadId = await newThread(user);
    const chunks = await uiChunks(await callAgent("/internal/chat", { headers: user.headers, json: { threadId, text: "Create my OpenClaw [tool:openclaw_provision]" } }));
    const request = chunks.find((c) => c.type === "tool-approval-request") as { toolCallId: string } | undefined;
    expect(request).toBeDefined();
    return { user, threadId, toolCallId: request!.toolCallId };
  }

  async function instanceOf(user: Awaited<ReturnType<typeof newUser>>): Promise<unknown> {
    const response = await callApi("/api/openclaw/instance", { headers: user.headers });
    return ((await response.json()) as { instance?: unknown }).instance ?? null;
  }

  it("records the request, and a yes runs the action and finishes the turn", async () => {
    const { user, threadId, toolCallId } = await pendingProvision();
    const { approvals } = (await expectOk(await callApi("/api/approvals", { headers: user.headers }))) as {
      approvals: Array<{ kind: string; status: string; payload: { toolCallId: string; summary: string } }>;
    };
    expect(approvals).toEqual([expect.objectContaining({ kind: "provision", status: "pending", payload: expect.objectContaining({ toolCallId, threadId }) })]);
    expect(await instanceOf(user)).toBeNull();

    const answered = (await expectOk(await callAgent("/internal/approval/respond", { headers: user.headers, json: { threadId, toolCallId, approved: true } }))) as { approval: { status: string } };
    expect(answered.approval.status).toBe("approved");
    const messages = await eventually(
      () => storedMessages(user, threadId),
      (list) => list.some((m) => m.parts.some((p) => p.type === "text" && p.text?.includes("Tool openclaw_provision returned"))),
    );
    const part = messages.flatMap((m) => m.parts).find((p) => p.toolCallId === toolCallId);
    // No sandbox host here: the instance record is made, then its gateway fails to start.
    expect(part?.state).toMatch(/^output-(available|error)$/);
    // The tool's progress was preliminary; what is stored is its final result.
    expect(part?.preliminary).not.toBe(true);
    expect(await instanceOf(user)).not.toBeNull();

    await expectError(await callAgent("/internal/approval/respond", { headers: user.headers, json: { threadId, toolCallId, approved: true } }), 409, "conflict");
    await expectError(await callAgent("/internal/approval/respond", { headers: user.headers, json: { threadId, toolCallId: "call_unknown", approved: true } }), 404, "not_found");
  });

  it("keeps a pending approval through the agent's eviction, and the yes still runs the action", async () => {
    const { user, threadId, toolCallId } = await pendingProvision();
    const namespace = (env as unknown as AgentEnv).THREAD_AGENT;
    await evictDurableObject(namespace.get(namespace.idFromName(agentName({ userId: user.workosUserId, threadId }))));
    const stored = (await storedMessages(user, threadId)).flatMap((m) => m.parts).find((p) => p.toolCallId === toolCallId);
    expect(stored?.state).toBe("approval-requested");

    const answered = (await expectOk(await callAgent("/internal/approval/respond", { headers: user.headers, json: { threadId, toolCallId, approved: true } }))) as { approval: { status: string } };
    expect(answered.approval.status).toBe("approved");
    await eventually(
      () => storedMessages(user, threadId),
      (list) => list.flatMap((m) => m.parts).some((p) => p.toolCallId === toolCallId && /^output-(available|error)$/.test(p.state ?? "")),
    );
    expect(await instanceOf(user)).not.toBeNull();
    // The record made before the eviction is the one answered, not a second one.
    const { approvals } = (await expectOk(await callApi("/api/approvals", { headers: user.headers }))) as { approvals: Array<{ status: string; payload: { toolCallId: string } }> };
    expect(approvals.filter((a) => a.payload.toolCallId === toolCallId).map((a) => a.status)).toEqual(["approved"]);
  });

  it("a no never runs the action", async () => {
    const { user, threadId, toolCallId } = await pendingProvision();
    const answered = (await expectOk(await callAgent("/internal/approval/respond", { headers: user.headers, json: { threadId, toolCallId, approved: false } }))) as { approval: { status: string } };
    expect(answered.approval.status).toBe("rejected");
    const messages = await eventually(
      () => storedMessages(user, threadId),
      (list) => list.flatMap((m) => m.parts).some((p) => p.toolCallId === toolCallId && p.state === "output-denied"),
    );
    expect(messages.length).toBeGreaterThan(1);
    expect(await instanceOf(user)).toBeNull();
  });
});
