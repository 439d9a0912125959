import { describe, expect, it } from "vitest";
import { recordingAgent } from "../agent/recording-agent.ts";
import { INTERNAL_KEY, admin, call, expectError, jsonOf, newUser, type TestUser } from "../test-harness.ts";
import { sessionUser } from "./session-user.ts";

interface ApprovalBody {
  id: string;
  kind: string;
  payload: { threadId: string; toolCallId: string; toolName: string; input: Record<string, unknown>; summary: string };
  status: string;
  requestedBy: string;
  requestedAt: number;
  resolvedBy: string | null;
  resolvedAt: number | null;
}

async function threadOf(headers: Record<string, string>): Promise<string> {
  return (await jsonOf<{ thread: { id: string } }>(await call("/api/threads", { method: "POST", headers, json: {} }))).thread.id;
}

function request(threadId: string, toolCallId = "call-1") {
  return { kind: "restart", payload: { threadId, toolCallId, toolName: "openclaw_restart", input: { reason: "stuck" }, summary: "Restart your OpenClaw." } };
}

async function requestApproval(user: TestUser, threadId: string, toolCallId?: string): Promise<ApprovalBody> {
  const response = await call("/api/approvals", { method: "POST", headers: user.headers, json: request(threadId, toolCallId) });
  expect(response.status).toBe(201);
  return (await jsonOf<{ approval: ApprovalBody }>(response)).approval;
}

async function listOf(headers: Record<string, string>, query = ""): Promise<ApprovalBody[]> {
  return (await jsonOf<{ approvals: ApprovalBody[] }>(await call(`/api/approvals${query}`, { headers }))).approvals;
}

describe("approvals", () => {
  it("the agent worker records a pending tool call (audited as who asked); the user lists theirs newest first, by status", async () => {
    const user = await newUser({ access: true });
    const threadId = await threadOf(user.headers);
    const first = await requestApproval(user, threadId, "call-1");
    expect(first).toEqual({
      id: expect.any(String),
      ...request(threadId, "call-1"),
      status: "pending",
      requestedBy: `agent-worker for ${user.id}`,
      requestedAt: expect.any(Number),
      resolvedBy: null,
      resolvedAt: null,
    });
    const second = await requestApproval(user, threadId, "call-2");
    const { token } = await jsonOf<{ token: string }>(await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "a" } }));
    const bearer = { authorization: `Bearer ${token}` };
    expect((await listOf(bearer)).map((a) => a.id)).toEqual([second.id, first.id]);
    expect((await listOf(bearer, "?status=pending")).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(await listOf(bearer, "?status=approved")).toEqual([]);

    const audit = await jsonOf<{ entries: Array<{ actor: string; action: string; target: string; details: Record<string, unknown> }> }>(
      await call("/api/admin/audit?limit=200", { headers: (await admin()).headers }),
    );
    expect(audit.entries.find((e) => e.target === first.id && e.action === "approval.request")).toMatchObject({
      actor: `agent-worker for ${user.id}`,
      details: { ownerId: user.id, threadId, toolCallId: "call-1", toolName: "openclaw_restart", kind: "restart" },
    });
  });

  it("only the internal key records one: a session or an API token gets 403 forbidden", async () => {
    const session = await sessionUser();
    const threadId = await threadOf({ cookie: session.cookie });
    await expectError(await call("/api/approvals", { method: "POST", headers: { cookie: session.cookie }, json: request(threadId) }), 403, "forbidden");
    const user = await newUser({ access: true });
    const { token } = await jsonOf<{ token: string }>(await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "a" } }));
    await expectError(await call("/api/approvals", { method: "POST", headers: { authorization: `Bearer ${token}` }, json: request(await threadOf(user.headers)) }), 403, "forbidden");
    expect(await listOf({ cookie: session.cookie })).toEqual([]);
  });

  it("bad bodies are 400, and a tool call in another user's thread is 404", async () => {
    const user = await newUser({ access: true });
    const other = await newUser({ access: true });
    const threadId = await threadOf(user.headers);
    const base = request(threadId);
    for (const json of [
      { ...base, kind: "format_disk" },
      { kind: "restart" },
      { ...base, payload: { ...base.payload, threadId: "Not An Id" } },
      { ...base, payload: { ...base.payload, summary: "" } },
      { ...base, payload: { ...base.payload, input: [] } },
      { ...base, extra: 1 },
    ]) {
      await expectError(await call("/api/approvals", { method: "POST", headers: user.headers, json }), 400, "invalid_request");
    }
    await expectError(await call("/api/approvals", { method: "POST", headers: { ...user.headers, "content-type": "application/json" }, body: "{" }), 400, "invalid_json");
    await expectError(await call("/api/approvals?status=maybe", { headers: user.headers }), 400, "invalid_request");
    await expectError(await call("/api/approvals", { method: "POST", headers: other.headers, json: base }), 404, "not_found");
    expect(await listOf(user.headers)).toEqual([]);
    expect(await listOf(other.headers)).toEqual([]);
  });

  it("the internal key's answer (the agent already applied it) is only recorded; a second answer is 409 conflict", async () => {
    const user = await newUser({ access: true });
    const approval = await requestApproval(user, await threadOf(user.headers));
    const agent = recordingAgent();
    const resolved = await call(`/api/approvals/${approval.id}/resolve`, { method: "POST", headers: user.headers, json: { approved: true }, env: { AGENT: agent.binding } });
    expect(resolved.status).toBe(200);
    expect((await jsonOf<{ approval: ApprovalBody }>(resolved)).approval).toMatchObject({
      id: approval.id,
      status: "approved",
      resolvedBy: `agent-worker for ${user.id}`,
      resolvedAt: expect.any(Number),
    });
    expect(agent.sent).toEqual([]);
    await expectError(await call(`/api/approvals/${approval.id}/resolve`, { method: "POST", headers: user.headers, json: { approved: false }, env: { AGENT: agent.binding } }), 409, "conflict");
    expect((await listOf(user.headers, "?status=approved")).map((a) => a.id)).toEqual([approval.id]);
  });

  it("a person's answer goes to the thread first (as the user, with the tool call); a thread that no longer waits leaves it pending with 409", async () => {
    const user = await newUser({ access: true });
    const threadId = await threadOf(user.headers);
    const approval = await requestApproval(user, threadId, "call-7");
    const { token } = await jsonOf<{ token: string }>(await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "a" } }));
    const agent = recordingAgent();
    const response = await call(`/api/approvals/${approval.id}/resolve`, { method: "POST", headers: { authorization: `Bearer ${token}` }, json: { approved: false }, env: { AGENT: agent.binding } });
    expect(agent.sent).toHaveLength(1);
    const [sent] = agent.sent;
    expect(sent).toMatchObject({ method: "POST", path: "/internal/approval/respond" });
    expect(JSON.parse(sent!.body)).toEqual({ threadId, toolCallId: "call-7", approved: false });
    expect(sent!.headers["x-oa-internal-key"]).toBe(INTERNAL_KEY);
    expect(sent!.headers["x-oa-user-id"]).toBe(user.workosUserId);
    expect(sent!.headers).not.toHaveProperty("authorization");
    // No model ran here, so the thread has no such tool call: the agent says so (404), and
    // the approval stays pending for another try.
    expect(sent!.status).toBe(404);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("conflict");
    expect((await listOf(user.headers, "?status=pending")).map((a) => a.id)).toEqual([approval.id]);
  });

  it("another user's approval is 404, a malformed id 400, a bad body 400; nothing reaches the agent", async () => {
    const owner = await newUser({ access: true });
    const other = await newUser({ access: true });
    const approval = await requestApproval(owner, await threadOf(owner.headers));
    const agent = recordingAgent();
    const env = { AGENT: agent.binding };
    const session = await sessionUser();
    await expectError(await call(`/api/approvals/${approval.id}/resolve`, { method: "POST", headers: { cookie: session.cookie }, json: { approved: true }, env }), 404, "not_found");
    await expectError(await call(`/api/approvals/${approval.id}/resolve`, { method: "POST", headers: other.headers, json: { approved: true }, env }), 404, "not_found");
    await expectError(await call("/api/approvals/bad%20id/resolve", { method: "POST", headers: owner.headers, json: { approved: true }, env }), 400, "invalid_request");
    await expectError(await call(`/api/approvals/${approval.id}/resolve`, { method: "POST", headers: owner.headers, json: { approved: "yes" }, env }), 400, "invalid_request");
    await expectError(await call(`/api/approvals/${approval.id}/resolve`, { method: "POST", headers: owner.headers, json: {}, env }), 400, "invalid_request");
    expect(agent.sent).toEqual([]);
    expect((await listOf(owner.headers, "?status=pending")).map((a) => a.id)).toEqual([approval.id]);
  });
});
