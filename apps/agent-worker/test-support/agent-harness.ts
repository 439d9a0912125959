// Shared by the workerd tests: the agent worker called through its own fetch handler
// (SELF), the real api worker behind env.API, and users and threads made through the api.
import { env, SELF } from "cloudflare:test";
import { TEST_ADMIN_EMAIL, TEST_INTERNAL_KEY } from "./test-constants.ts";

export interface TestUser {
  id: string;
  workosUserId: string;
  /** Server-to-server headers acting as this user. */
  headers: Record<string, string>;
}

let counter = 0;
let adminUser: Promise<TestUser> | null = null;

/** A request to the api worker (the real one, as the agent worker's API binding reaches it). */
export function callApi(path: string, init: { method?: string; headers?: Record<string, string>; json?: unknown } = {}): Promise<Response> {
  const headers = { ...init.headers, ...(init.json !== undefined ? { "content-type": "application/json" } : {}) };
  return (env as unknown as { API: Fetcher }).API.fetch(`https://api.test${path}`, { method: init.method ?? "GET", headers, body: init.json !== undefined ? JSON.stringify(init.json) : null });
}

/** A request to the agent worker under test. */
export function callAgent(path: string, init: { method?: string; headers?: Record<string, string>; json?: unknown; body?: string } = {}): Promise<Response> {
  const headers = { ...init.headers, ...(init.json !== undefined ? { "content-type": "application/json" } : {}) };
  const body = init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null);
  return SELF.fetch(`https://agent.test${path}`, { method: init.method ?? (body === null ? "GET" : "POST"), headers, body });
}

/** A user registered through the api's internal auth; let in and given credits by the admin unless told otherwise. */
export async function newUser(options: { credits?: number; email?: string } = {}): Promise<TestUser> {
  const tag = `${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const workosUserId = `user_${tag}`;
  const headers = { "x-oa-internal-key": TEST_INTERNAL_KEY, "x-oa-user-id": workosUserId };
  const meResponse = await callApi("/api/me", { headers: { ...headers, "x-oa-user-email": options.email ?? `user-${tag}@agent.test` } });
  const me = (await expectOk(meResponse)) as { user: { id: string } };
  const user = { id: me.user.id, workosUserId, headers };
  if (options.email === TEST_ADMIN_EMAIL) return user;
  const adminHeaders = (await admin()).headers;
  await expectOk(await callApi(`/api/admin/users/${user.id}/access`, { method: "POST", headers: adminHeaders, json: { enabled: true } }));
  const credits = options.credits ?? 100_000;
  if (credits > 0) await expectOk(await callApi(`/api/admin/users/${user.id}/credits`, { method: "POST", headers: adminHeaders, json: { amount: credits, reason: "test" } }));
  return user;
}

function admin(): Promise<TestUser> {
  adminUser ??= newUser({ email: TEST_ADMIN_EMAIL });
  return adminUser;
}

export async function newThread(user: TestUser): Promise<string> {
  const response = await callApi("/api/threads", { method: "POST", headers: user.headers, json: {} });
  const { thread } = (await expectOk(response)) as { thread: { id: string } };
  return thread.id;
}

export async function balanceOf(user: TestUser): Promise<number> {
  return ((await expectOk(await callApi("/api/openclaw/billing/summary", { headers: user.headers }))) as { balance: number }).balance;
}

/** How many streamed model requests the model server has answered (test-support/global-setup.ts). */
export async function modelRequests(): Promise<number> {
  const probe = (env as unknown as { MODEL_REQUESTS_URL: string }).MODEL_REQUESTS_URL;
  return ((await (await fetch(probe)).json()) as { requests: number }).requests;
}

export async function expectOk(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`expected 2xx, got ${response.status}: ${text}`);
  return JSON.parse(text);
}

export async function expectError(response: Response, status: number, code: string): Promise<string> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status} ${code}, got ${response.status}: ${text}`);
  const { error } = JSON.parse(text) as { error: { code: string; message: string } };
  if (error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`);
  return error.message;
}

/** The UI message stream chunks of an SSE body, read to its end. */
export async function uiChunks(response: Response): Promise<Array<Record<string, unknown> & { type: string }>> {
  const text = await response.text();
  return text
    .split(/\n\n/)
    .map((event) => event.replace(/^data: /, "").trim())
    .filter((data) => data && data !== "[DONE]")
    .map((data) => JSON.parse(data) as Record<string, unknown> & { type: string });
}

export interface StoredMessage {
  id: string;
  role: string;
  parts: Array<{ type: string; text?: string; state?: string; toolCallId?: string; output?: unknown; preliminary?: boolean }>;
}

export async function storedMessages(user: TestUser, threadId: string): Promise<StoredMessage[]> {
  return (await expectOk(await callAgent(`/agents/thread-agent/${threadId}/get-messages`, { headers: user.headers }))) as StoredMessage[];
}

/** Polls until `check` holds (background continuations), failing with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met; last value: ${String(JSON.stringify(value)).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
