import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSse, startLocalStack, type ActingUser, type LocalStack } from "@openclaw-cloud/local-stack";
import type { ApprovalView, ThreadView } from "@openclaw-cloud/contracts/threads";

// A durable thread on the whole platform: the agent worker's tools call the api worker as
// the thread's user, the api the runtime, the runtime a real OpenClaw gateway (~10 s and
// ~1.2 GB to start, so one tenant for the file). The model is the offline model server:
// `[tool:NAME {json}]` in a message makes it call that tool.
const ADMIN = { workosUserId: "user_thread_it_admin", email: "admin@thread-it.test", name: "Admin" } satisfies ActingUser;
const CAROL = { workosUserId: "user_thread_it_carol", email: "carol@thread-it.test", name: "Carol" } satisfies ActingUser;

let stack: LocalStack;
let thread: ThreadView;
/** Carol's API token: she answers approvals as herself, as the website does, not as the agent worker. */
let carolToken = "";

beforeAll(async () => {
  stack = await startLocalStack({
    stateDir: `${process.env.TMPDIR ?? "/tmp"}/occ-thread-it-${process.pid}`,
    tokenDelayMs: 2,
    apiVars: { ADMIN_EMAILS: ADMIN.email, RATE_LIMIT_BURST: "1000", RATE_LIMIT_PER_SECOND: "1000" },
    runtimeVars: { GATEWAY_START_TIMEOUT_SECONDS: "300" },
  });
});

afterAll(async () => {
  await stack?.stop();
});

async function call(user: ActingUser | string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (typeof user === "string") headers.set("authorization", `Bearer ${user}`);
  else for (const [name, value] of Object.entries(stack.apiInternalHeaders(user))) headers.set(name, value);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  return fetch(`${stack.apiUrl}${path}`, { ...init, headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

type UiChunk = { type: string; [key: string]: unknown };

/** One turn through the agent worker's server-to-server door, its UI message stream collected. */
async function turn(text: string): Promise<UiChunk[]> {
  const response = await fetch(`${stack.agentUrl}/internal/chat`, {
    method: "POST",
    headers: { ...stack.apiInternalHeaders(CAROL), "content-type": "application/json" },
    body: JSON.stringify({ threadId: thread.id, text }),
  });
  expect(response.status, response.status === 200 ? "" : await response.clone().text()).toBe(200);
  const events = await collectSse(response.body!);
  return events.filter((event) => event.data !== "[DONE]").map((event) => JSON.parse(event.data) as UiChunk);
}

const replyText = (chunks: UiChunk[]) =>
  chunks
    .filter((chunk) => chunk.type === "text-delta")
    .map((chunk) => chunk.delta as string)
    .join("");

const toolOutput = (chunks: UiChunk[], toolName: string) => {
  const call = chunks.find((chunk) => chunk.type === "tool-input-available" && chunk.toolName === toolName);
  expect(call, `no call of ${toolName} in ${JSON.stringify(chunks)}`).toBeDefined();
  return chunks.findLast((chunk) => chunk.type === "tool-output-available" && chunk.toolCallId === call!.toolCallId)?.output;
};

async function runtimeSince(): Promise<string> {
  const view = await json<{ runtime: { state: string; since: string } }>(await call(CAROL, "/api/openclaw/status"));
  expect(view.runtime.state).toBe("running");
  return view.runtime.since;
}

describe("a durable thread drives the person's OpenClaw", () => {
  it("sets Carol up with access, credits, an instance with one chat in it, and a thread", async () => {
    const { user } = await json<{ user: { id: string } }>(await call(CAROL, "/api/me"));
    await json(await call(ADMIN, `/api/admin/users/${user.id}/access`, { method: "POST", json: { enabled: true } }));
    await json(await call(ADMIN, `/api/admin/users/${user.id}/credits`, { method: "POST", json: { amount: 1_000_000, reason: "thread integration" } }), 201);
    carolToken = (await json<{ token: string }>(await call(CAROL, "/api/tokens", { method: "POST", json: { name: "approvals" } }), 201)).token;
    await json(await call(CAROL, "/api/openclaw/instance", { method: "POST" }), 201);
    await runtimeSince();
    const chat = await call(CAROL, "/api/openclaw/chat", { method: "POST", json: { message: "remember the lighthouse" } });
    expect(chat.status).toBe(200);
    await chat.text();
    thread = (await json<{ thread: ThreadView }>(await call(CAROL, "/api/threads", { method: "POST", json: {} }), 201)).thread;
  });

  let sessionKey = "";

  it("lists the OpenClaw sessions", async () => {
    const chunks = await turn("[tool:sessions_list]");
    const output = JSON.stringify(toolOutput(chunks, "sessions_list"));
    sessionKey = /"key":"([^"]+)"/.exec(output)?.[1] ?? "";
    expect(sessionKey, output).not.toBe("");
    expect(replyText(chunks)).toContain("Tool sessions_list returned");
  });

  it("reads a session's history", async () => {
    const chunks = await turn(`[tool:session_history {"sessionKey":"${sessionKey}"}]`);
    expect(JSON.stringify(toolOutput(chunks, "session_history"))).toContain("remember the lighthouse");
  });

  it("asks before restarting the gateway, and restarts it once Carol says yes", async () => {
    const before = await runtimeSince();
    const chunks = await turn("[tool:openclaw_restart]");
    expect(chunks.map((chunk) => chunk.type)).toContain("tool-approval-request");
    expect(toolOutput(chunks, "openclaw_restart")).toBeUndefined();

    const { approvals } = await json<{ approvals: ApprovalView[] }>(await call(carolToken, "/api/approvals?status=pending"));
    const approval = approvals.find((a) => a.payload.threadId === thread.id && a.payload.toolName === "openclaw_restart");
    expect(approval, JSON.stringify(approvals)).toBeDefined();
    expect(await runtimeSince()).toBe(before);

    const resolved = await json<{ approval: ApprovalView }>(await call(carolToken, `/api/approvals/${approval!.id}/resolve`, { method: "POST", json: { approved: true } }));
    expect(resolved.approval.status).toBe("approved");
    // The thread continues on its own: the restart runs and its result lands in the transcript.
    await expect.poll(async () => JSON.stringify(await threadMessages()), { timeout: 120_000, interval: 1000 }).toMatch(/"type":"tool-openclaw_restart"[^}]*"state":"output-available"/);
    expect(await runtimeSince()).not.toBe(before);
  });

  it("keeps the thread: its index entry is named by its first message and was bumped by every turn", async () => {
    const { thread: indexed } = await json<{ thread: ThreadView }>(await call(CAROL, `/api/threads/${thread.id}`));
    expect(indexed.title).toContain("sessions_list");
    expect(indexed.updatedAt).toBeGreaterThan(thread.updatedAt);
  });
});

/** The thread's transcript as the Agents SDK serves it to a client that connects. */
async function threadMessages(): Promise<unknown[]> {
  const response = await call(CAROL, `/agents/thread-agent/${thread.id}/get-messages`);
  return json<unknown[]>(response);
}
