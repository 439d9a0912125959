import { randomUUID } from "node:crypto";
import type { LocalStack } from "@openclaw-cloud/local-stack";
import { expectJson } from "./platform-api.ts";
import { median, round } from "./stats.ts";

/** The bench's person with durable threads: signs in with the local form, let in and given credits by the bench's admin. */
const THREAD_USER = { email: "thread-bench@bench.test", name: "Thread Bench" };

export interface AgentOptions {
  /** Pairs of turns: one in a thread over its WebSocket, one straight to the model server. */
  pairs: number;
  /** `[words:N]` of each turn. */
  words: number;
}

export interface AgentResult {
  /** Chat request sent on the thread's WebSocket (through the web and api workers) → first text delta received. */
  threadFirstDeltaMs: number[];
  /** The same message straight to the model server's chat completions → first content delta read. */
  modelFirstDeltaMs: number[];
}

type UiMessage = { id: string; role: string; parts: Array<{ type: string; text?: string }> };

/** The local session cookie the website's sign-in form gets. */
async function signIn(webUrl: string): Promise<{ cookie: string; userId: string }> {
  const response = await fetch(`${webUrl}/api/auth/local/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(THREAD_USER) });
  const { user } = await expectJson<{ user: { id: string } }>(response);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { cookie, userId: user.id };
}

/** Opens the thread's WebSocket the way the website's `useAgent` does, through the front door. */
async function openThread(webUrl: string, threadId: string, cookie: string): Promise<WebSocket> {
  const socket = new WebSocket(`${webUrl.replace(/^http/, "ws")}/agents/thread-agent/${threadId}`, { headers: { cookie } } as unknown as string[]);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error("the thread's WebSocket did not open")), { once: true });
  });
  return socket;
}

/**
 * One turn as `useAgentChat` sends it (the whole transcript plus the new message, in a
 * `cf_agent_use_chat_request` frame); resolves with the time to the first text delta and
 * once the turn is done.
 */
function threadTurn(socket: WebSocket, messages: UiMessage[]): Promise<number> {
  const id = randomUUID();
  const started = performance.now();
  let firstDelta = Number.NaN;
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("thread turn timed out")), 60_000);
    const onMessage = (event: MessageEvent) => {
      const frame = JSON.parse(String(event.data)) as { type: string; id?: string; body?: string; done?: boolean; error?: boolean };
      if (frame.type !== "cf_agent_use_chat_response" || frame.id !== id) return;
      if (frame.error) return reject(new Error(`thread turn failed: ${frame.body}`));
      if (Number.isNaN(firstDelta) && frame.body && (JSON.parse(frame.body) as { type: string }).type === "text-delta") firstDelta = performance.now() - started;
      if (!frame.done) return;
      clearTimeout(timer);
      socket.removeEventListener("message", onMessage);
      resolve(firstDelta);
    };
    socket.addEventListener("message", onMessage);
    socket.send(JSON.stringify({ type: "cf_agent_use_chat_request", id, init: { method: "POST", body: JSON.stringify({ messages, trigger: "submit-message" }) } }));
  });
}

async function modelFirstDelta(modelUrl: string, text: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${modelUrl}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer local-model-key" },
    body: JSON.stringify({ model: "echo-1", stream: true, messages: [{ role: "user", content: text }] }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  let firstDelta = Number.NaN;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return firstDelta;
    buffered += decoder.decode(value, { stream: true });
    if (Number.isNaN(firstDelta) && /"content":"[^"]/.test(buffered)) firstDelta = performance.now() - started;
  }
}

/**
 * Pairs of the same short turn: one in a durable thread over its WebSocket from a client
 * outside the platform (front door → web worker → api worker → agent worker → model
 * server), one straight to the model server. Their difference is what the thread path
 * adds: the hops, the credit check, persisting the message, the agent's own work.
 */
export async function measureAgent(stack: LocalStack, adminApi: (path: string, init?: RequestInit) => Promise<Response>, options: AgentOptions): Promise<AgentResult> {
  const { cookie, userId } = await signIn(stack.webUrl);
  await expectJson(await adminApi(`/api/admin/users/${userId}/access`, { method: "POST", body: JSON.stringify({ enabled: true }) }));
  await expectJson(await adminApi(`/api/admin/users/${userId}/credits`, { method: "POST", body: JSON.stringify({ amount: 1_000_000_000, reason: "bench" }) }), 201);
  const web = (path: string, init: RequestInit = {}) => fetch(`${stack.webUrl}${path}`, { ...init, headers: { cookie, "content-type": "application/json", ...init.headers } });
  const { thread } = await expectJson<{ thread: { id: string } }>(await web("/api/threads", { method: "POST", body: "{}" }), 201);
  const socket = await openThread(stack.webUrl, thread.id, cookie);
  try {
    const threadFirstDeltaMs: number[] = [];
    const modelFirstDeltaMs: number[] = [];
    for (let i = 0; i < options.pairs + 1; i++) {
      const text = `thread bench turn ${i} [words:${options.words}]`;
      // The transcript as a client holds it, read outside the timed part.
      const messages = await expectJson<UiMessage[]>(await web(`/agents/thread-agent/${thread.id}/get-messages`));
      const threadMs = await threadTurn(socket, [...messages, { id: randomUUID(), role: "user", parts: [{ type: "text", text }] }]);
      const modelMs = await modelFirstDelta(stack.model.url, text);
      // The first pair wakes the agent and warms the connections up; it is not counted.
      if (i === 0) continue;
      threadFirstDeltaMs.push(threadMs);
      modelFirstDeltaMs.push(modelMs);
    }
    return { threadFirstDeltaMs, modelFirstDeltaMs };
  } finally {
    socket.close();
  }
}

export function summarizeAgent(agent: AgentResult): Record<string, number> {
  return { agent_ttft_overhead_ms: round(median(agent.threadFirstDeltaMs) - median(agent.modelFirstDeltaMs), 1) };
}

export function agentReportRows(summary: Record<string, number | null>): Array<{ metric: string; target: string; met: boolean | null }> {
  const value = summary.agent_ttft_overhead_ms ?? null;
  return [{ metric: "agent_ttft_overhead_ms", target: "<= 25", met: value === null ? false : value <= 25 }];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The method note for the thread figure in docs/benchmarks.md. */
export function agentMethodNotes(agent: AgentResult, options: AgentOptions): string {
  return `- \`agent_ttft_overhead_ms\`: ${options.pairs} pairs of \`[words:${options.words}]\` turns (after one uncounted
  warm-up pair). One goes into a durable thread the way the website sends it: a \`cf_agent_use_chat_request\`
  frame on the thread's WebSocket, opened from Node through the front door (web worker → api worker, which
  checks the session and the thread's owner → agent worker) → first \`text-delta\` received (median
  ${ms(median(agent.threadFirstDeltaMs))}). The other is the same message straight to the model server's
  \`/v1/chat/completions\` → first content delta read (median ${ms(median(agent.modelFirstDeltaMs))}). The figure is
  the difference of the medians: the credit check, persisting the message and the agent's own work.
`;
}
