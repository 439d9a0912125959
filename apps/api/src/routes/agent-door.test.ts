import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { recordingAgent } from "../agent/recording-agent.ts";
import worker from "../index.ts";
import { INTERNAL_KEY, apiEnv, call, expectError, jsonOf, newUser, type TestUser } from "../test-harness.ts";
import { sessionUser } from "./session-user.ts";

async function threadOf(headers: Record<string, string>): Promise<string> {
  return (await jsonOf<{ thread: { id: string } }>(await call("/api/threads", { method: "POST", headers, json: {} }))).thread.id;
}

async function bearerOf(user: TestUser): Promise<string> {
  return `Bearer ${(await jsonOf<{ token: string }>(await call("/api/tokens", { method: "POST", headers: user.headers, json: { name: "door" } }))).token}`;
}

describe("the /agents/thread-agent door", () => {
  // The agent worker here is its real bundle, its API binding pointing back at the worker
  // under test: it checks the thread with the api again and serves the Agents SDK's routes.
  it("forwards the owner's request to the agent worker at the same path, as the user, without the caller's credentials", async () => {
    const user = await newUser({ access: true });
    const threadId = await threadOf(user.headers);
    const agent = recordingAgent();
    const authorization = await bearerOf(user);
    const response = await call(`/agents/thread-agent/${threadId}/get-messages?x=1`, {
      headers: { authorization, cookie: "other=1", "x-oa-user-id": "someone_else", "x-oa-user-email": "evil@unit.test" },
      env: { AGENT: agent.binding },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual([]);
    expect(agent.sent).toHaveLength(1);
    const [sent] = agent.sent;
    expect(sent).toMatchObject({ method: "GET", path: `/agents/thread-agent/${threadId}/get-messages` });
    expect(sent!.headers["x-oa-internal-key"]).toBe(INTERNAL_KEY);
    expect(sent!.headers["x-oa-user-id"]).toBe(user.workosUserId);
    expect(sent!.headers).not.toHaveProperty("authorization");
    expect(sent!.headers).not.toHaveProperty("cookie");
    expect(sent!.headers).not.toHaveProperty("x-oa-user-email");
  });

  it("passes a WebSocket upgrade through, with a session cookie", async () => {
    const session = await sessionUser();
    const threadId = await threadOf({ cookie: session.cookie });
    const agent = recordingAgent();
    const ctx = createExecutionContext();
    const request = new Request(`http://api.test/agents/thread-agent/${threadId}`, { headers: { cookie: session.cookie, upgrade: "websocket", origin: "http://api.test" } });
    const response = await worker.fetch(request, apiEnv({ AGENT: agent.binding }), ctx);
    expect(response.status).toBe(101);
    const socket = response.webSocket!;
    socket.accept();
    socket.close(1000, "done");
    await waitOnExecutionContext(ctx);
    expect(agent.sent.map((r) => [r.path, r.headers.upgrade, r.headers.cookie])).toEqual([[`/agents/thread-agent/${threadId}`, "websocket", undefined]]);
  });

  it("refuses a WebSocket upgrade from another site's page, which would carry the person's cookie", async () => {
    const session = await sessionUser();
    const threadId = await threadOf({ cookie: session.cookie });
    const agent = recordingAgent();
    const upgrade = (origin: string) => call(`/agents/thread-agent/${threadId}`, { headers: { cookie: session.cookie, upgrade: "websocket", origin }, env: { AGENT: agent.binding } });
    await expectError(await upgrade("https://evil.example"), 403, "forbidden");
    await expectError(await upgrade("http://api.test.evil.example"), 403, "forbidden");
    expect(agent.sent).toEqual([]);
  });

  it("answers 404 for another user's, an unknown or a malformed thread, and for any other /agents path, without reaching the agent", async () => {
    const owner = await newUser({ access: true });
    const other = await newUser({ access: true });
    const threadId = await threadOf(owner.headers);
    const agent = recordingAgent();
    const env = { AGENT: agent.binding };
    await expectError(await call(`/agents/thread-agent/${threadId}`, { headers: other.headers, env }), 404, "not_found");
    await expectError(await call(`/agents/thread-agent/${threadId}/get-messages`, { headers: other.headers, env }), 404, "not_found");
    await expectError(await call(`/agents/thread-agent/${"0".repeat(24)}threads`, { headers: owner.headers, env }), 404, "not_found");
    await expectError(await call("/agents/thread-agent/NOT-AN-ID", { headers: owner.headers, env }), 404, "not_found");
    await expectError(await call(`/agents/other-agent/${threadId}`, { headers: owner.headers, env }), 404, "not_found");
    await expectError(await call("/agents", { headers: owner.headers, env }), 404, "not_found");
    expect(agent.sent).toEqual([]);
  });

  it("is signed in and gated like /api: no credentials 401, a wrong internal key 401, no access 403 waitlist", async () => {
    const owner = await newUser({ access: true });
    const threadId = await threadOf(owner.headers);
    const waiting = await newUser();
    const agent = recordingAgent();
    const env = { AGENT: agent.binding };
    await expectError(await call(`/agents/thread-agent/${threadId}`, { env }), 401, "unauthorized");
    await expectError(await call(`/agents/thread-agent/${threadId}`, { headers: { "x-oa-internal-key": "nope", "x-oa-user-id": owner.workosUserId }, env }), 401, "unauthorized");
    await expectError(await call(`/agents/thread-agent/${threadId}`, { headers: waiting.headers, env }), 403, "waitlist");
    expect(agent.sent).toEqual([]);
  });

  it("answers 503 agent_unavailable when the agent worker cannot be reached", async () => {
    const owner = await newUser({ access: true });
    const threadId = await threadOf(owner.headers);
    const unreachable = { fetch: () => Promise.reject(new Error("connection refused")) } as unknown as Fetcher;
    await expectError(await call(`/agents/thread-agent/${threadId}/get-messages`, { headers: owner.headers, env: { AGENT: unreachable } }), 503, "agent_unavailable");
  });
});
