import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODEL_PROXY_PATH } from "@openclaw-cloud/contracts";
import { gatewayEnvironment, sandboxProcessEnvironments, startLocalStack, type LocalStack } from "@openclaw-cloud/local-stack";
import { startModelServer, type ModelServer, type ReplyEvent } from "@openclaw-cloud/model-server";
import { tenantIdForUser } from "../src/auth/tenant-id.ts";
import { apiRequest, json, type ApiInit } from "./api-client.ts";

// The platform's model proxy on the real stack. The platform's upstream is a model server
// that answers only to the platform's key, and the api worker alone is given that key: a
// tenant's turn works only because the proxy adds it. Two people on the platform's model,
// each with a real gateway.
const ADMIN = { workosUserId: "user_mp_admin", email: "admin@mp.test", name: "Admin" };
const CAROL = { workosUserId: "user_mp_carol", email: "carol@mp.test", name: "Carol" };
/** Dan also signs in on the website (the local sign-in), which knows him by this id. */
const DAN = { workosUserId: "local|dan@mp.test", email: "dan@mp.test", name: "Dan" };
const PLATFORM_KEY = `platform-upstream-key-${randomBytes(16).toString("hex")}`;
const PROVIDER_KEY_ENTRY = "CUSTOM_API_KEY=";

let upstream: ModelServer;
/** What the upstream answered, in order: each model call's id, to find its ledger entry by. */
const replies: ReplyEvent[] = [];
let stack: LocalStack;
const stateDir = join(process.env.TMPDIR ?? "/tmp", `occ-model-proxy-it-${process.pid}`);
const tenants: Record<string, string> = {};
/** Dan's credits: enough for a few turns, so the last test can spend them. */
const DAN_CREDITS = 40_000;

beforeAll(async () => {
  // A small pause between tokens, so a stream can be cut short before it ends.
  upstream = await startModelServer({ apiKey: PLATFORM_KEY, tokenDelayMs: 2 });
  upstream.on("reply", (reply) => replies.push(reply));
  stack = await startLocalStack({
    stateDir,
    apiVars: {
      ADMIN_EMAILS: ADMIN.email,
      RATE_LIMIT_BURST: "1000",
      RATE_LIMIT_PER_SECOND: "1000",
      DEFAULT_MODEL_BASE_URL: `${upstream.url}/v1`,
      DEFAULT_MODEL_API_KEY: PLATFORM_KEY,
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await upstream?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

function api(user: typeof CAROL, path: string, init: ApiInit = {}): Promise<Response> {
  return apiRequest(stack, user, path, init);
}

/** The model proxy as a tenant's gateway calls it. */
function proxy(path: string, credential: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (credential !== null) headers.set("authorization", `Bearer ${credential}`);
  return fetch(`${stack.apiUrl}${MODEL_PROXY_PATH}${path}`, { ...init, headers });
}

function completion(credential: string, body: Record<string, unknown>): Promise<Response> {
  return proxy("/chat/completions", credential, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/**
 * POSTs a body the server may refuse before reading it all (by its Content-Length): the
 * answer counts, and the write the server cut short (EPIPE, a reset) does not.
 */
function postRefusedEarly(url: string, credential: string, body: string): Promise<{ status: number; code: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: "POST", headers: { authorization: `Bearer ${credential}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += String(chunk)));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, code: (JSON.parse(text) as { error: { code: string } }).error.code }));
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    request.end(body);
  });
}

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
}

/** The proxy credential as the user's running gateway holds it (its provider key). */
async function credentialOf(user: typeof CAROL): Promise<string> {
  const entry = (await gatewayEnvironment(stack, tenants[user.email]!)).find((e) => e.startsWith(PROVIDER_KEY_ENTRY));
  if (!entry) throw new Error(`the gateway of ${user.email} has no provider key`);
  return entry.slice(PROVIDER_KEY_ENTRY.length);
}

type LedgerEntry = { id: string; delta: number; reason: string; reference: string | null; balanceAfter: number };

async function ledger(user: typeof CAROL): Promise<{ balance: number; entries: LedgerEntry[] }> {
  return json(await api(user, "/api/openclaw/billing/summary"));
}

/**
 * The ledger entry of the model call whose answer echoed `said`, once it
 * is there. Debits reach the ledger in batches about a second after their calls, so the
 * newest entry may be an earlier call's: each call is found by its own id.
 */
async function entryFor(user: typeof CAROL, said: string): Promise<LedgerEntry> {
  const answered = () => replies.find(({ plan }) => plan.kind === "text" && plan.text.includes(said));
  await expect.poll(answered, { timeout: 10_000, message: `the upstream answered "${said}"` }).toBeDefined();
  const id = `chatcmpl-${answered()!.requestId}`;
  const entry = async () => (await ledger(user)).entries.find((candidate) => candidate.reference?.endsWith(`:${id}`));
  await expect.poll(entry, { timeout: 10_000, message: `the ledger has the call that answered "${said}"` }).toBeDefined();
  return (await entry())!;
}

async function chat(user: typeof CAROL, message: string): Promise<string> {
  const response = await api(user, "/api/openclaw/chat", { method: "POST", json: { message } });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return text;
}

/** Every file below `dir`, for scans. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the platform's model proxy", () => {
  it("serves two people on the platform's model; the upstream answers only to the platform's key", async () => {
    for (const user of [CAROL, DAN]) {
      const me = await json<{ user: { id: string } }>(await api(user, "/api/me"));
      tenants[user.email] = await tenantIdForUser(me.user.id);
      await json(await api(ADMIN, `/api/admin/users/${me.user.id}/access`, { method: "POST", json: { enabled: true } }));
      const amount = user === DAN ? DAN_CREDITS : 1_000_000;
      await json(await api(ADMIN, `/api/admin/users/${me.user.id}/credits`, { method: "POST", json: { amount, reason: "integration" } }), 201);
    }
    await Promise.all([CAROL, DAN].map(async (user) => json(await api(user, "/api/openclaw/instance", { method: "POST", json: {} }), 201)));
    expect(await chat(CAROL, "hello from carol")).toContain("hello from carol");
    expect(await chat(DAN, "hello from dan")).toContain("hello from dan");
    // What the gateways hold is their own credential for the proxy, not the upstream's key.
    const [carol, dan] = [await credentialOf(CAROL), await credentialOf(DAN)];
    expect(carol).toMatch(new RegExp(`^ocmp_${tenants[CAROL.email]}\\.[0-9a-f]{64}$`));
    expect(dan).toMatch(new RegExp(`^ocmp_${tenants[DAN.email]}\\.[0-9a-f]{64}$`));
    const direct = await fetch(`${upstream.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${carol}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "echo-1", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(direct.status).toBe(401);
  });

  it("leaves the platform's key in no process of any sandbox and in no file of any sandbox", async () => {
    const environments = await sandboxProcessEnvironments(stack);
    expect(environments.size).toBeGreaterThanOrEqual(2); // both gateways and their helpers
    for (const [pid, environment] of environments) expect(environment.join("\n"), `process ${pid}`).not.toContain(PLATFORM_KEY);
    const files = filesBelow(join(stateDir, "sandboxes"));
    expect(files.length).toBeGreaterThan(10);
    const needle = Buffer.from(PLATFORM_KEY);
    for (const file of files) expect(readFileSync(file).includes(needle), file).toBe(false);
  });

  it("streams a completion through, and answers one at once when asked without a stream", async () => {
    const credential = await credentialOf(DAN);
    const whole = await json<{ choices: Array<{ message: { content: string } }>; usage: { total_tokens: number } }>(
      await completion(credential, { model: "echo-1", messages: [{ role: "user", content: "whole please [words:5]" }] }),
    );
    expect(whole.choices[0]?.message.content).toContain("whole please");
    expect(whole.usage.total_tokens).toBeGreaterThan(0);

    const streamed = await completion(credential, { model: "echo-1", stream: true, messages: [{ role: "user", content: "stream please [words:40]" }] });
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    const reader = streamed.body!.getReader();
    const first = await reader.read();
    // The first chunk arrives while the upstream is still writing: nothing waits for the whole answer.
    expect(new TextDecoder().decode(first.value)).toContain("data:");
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain("[DONE]");
  });

  it("charges every model call to the tenant's owner by the upstream's figures, whatever started the turn, and says which surface it served", async () => {
    const signedIn = await fetch(`${stack.apiUrl}/api/auth/local/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DAN.email, name: DAN.name }),
    });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const website = await fetch(`${stack.apiUrl}/api/openclaw/chat`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: stack.apiUrl },
      body: JSON.stringify({ message: "billed on the website [words:30]" }),
    });
    const answer = await website.text();
    expect(website.status, answer).toBe(200);
    const call = await entryFor(DAN, "billed on the website");
    // Billed to the website: the turn came from a signed-in browser session.
    expect(call).toMatchObject({ reason: expect.stringMatching(/^model call \(echo-1\): \d+ tokens$/), reference: expect.stringMatching(/^model:website:chatcmpl-/) });
    expect(call.delta).toBeLessThan(0);
    // The gateway's own report of the turn has the upstream's figures: the debit is exactly them.
    const completed = answer.split("\n\n").find((event) => event.includes("response.completed"));
    const turnTokens = (JSON.parse(completed!.slice(completed!.indexOf("data: ") + 6)) as { response: { usage: { total_tokens: number } } }).response.usage.total_tokens;
    expect(call.delta).toBe(-turnTokens);

    // A turn the API never sees (as a channel message, a cron job or the Control UI starts one)
    // is charged all the same: here one sent straight to the tenant's runtime.
    const direct = await fetch(`${stack.runtimeUrl}/v1/responses`, {
      method: "POST",
      headers: { ...stack.internalHeaders(tenants[DAN.email]!), "content-type": "application/json" },
      body: JSON.stringify({ model: "openclaw", input: "a turn from a channel" }),
    });
    expect(direct.status, await direct.clone().text()).toBe(200);
    const channelCall = await entryFor(DAN, "a turn from a channel");
    // No turn of the API's was running: the gateway's own turns (channels, cron, Control UI) pay for it.
    expect(channelCall).toMatchObject({ reason: expect.stringContaining("model call (echo-1)"), reference: expect.stringMatching(/^model:gateway:/) });
    // An API client's turn (a user API token) is billed to the API.
    const { token } = await json<{ token: string }>(await api(DAN, "/api/tokens", { method: "POST", json: { name: "billing" } }), 201);
    await json(
      await fetch(`${stack.apiUrl}/api/openclaw/v1/responses`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "openclaw", input: "from an API client" }),
      }),
    );
    const apiCall = await entryFor(DAN, "from an API client");
    expect(apiCall.reference).toMatch(/^model:api:/);
    // A durable thread's tool acting for Dan (a server-to-server call) is billed to the threads.
    await chat(DAN, "from a thread's tool");
    const threadToolCall = await entryFor(DAN, "from a thread's tool");
    expect(threadToolCall.reference).toMatch(/^model:threads:/);
    // The summary sums the day's spending on the OpenClaw, all surfaces together and each on its own.
    const { usageByDay } = await json<{ usageByDay: Array<{ day: string; openclaw: number; threads: number; openclawBySurface: Record<string, number> }> }>(
      await api(DAN, "/api/openclaw/billing/summary"),
    );
    expect(usageByDay[0]).toMatchObject({ day: new Date().toISOString().slice(0, 10), threads: 0 });
    expect(usageByDay[0]!.openclaw).toBeGreaterThanOrEqual(-call.delta - channelCall.delta - apiCall.delta - threadToolCall.delta);
    expect(usageByDay[0]!.openclawBySurface.website).toBeGreaterThanOrEqual(-call.delta);
    expect(usageByDay[0]!.openclawBySurface.gateway).toBeGreaterThanOrEqual(-channelCall.delta);
    expect(usageByDay[0]!.openclawBySurface.api).toBeGreaterThanOrEqual(-apiCall.delta);
    expect(usageByDay[0]!.openclawBySurface.threads).toBeGreaterThanOrEqual(-threadToolCall.delta);
    expect(Object.values(usageByDay[0]!.openclawBySurface).reduce((a, b) => a + b, 0)).toBe(usageByDay[0]!.openclaw);
  });

  it("charges a stream its caller cut short for what was generated", async () => {
    const credential = await credentialOf(DAN);
    const streamed = await completion(credential, { model: "echo-1", stream: true, messages: [{ role: "user", content: "a long one [words:3000]" }] });
    const reader = streamed.body!.getReader();
    let chunks = 0;
    while (chunks < 20) {
      const { done } = await reader.read();
      if (done) break;
      chunks++;
    }
    await reader.cancel();
    const cut = await entryFor(DAN, "a long one");
    expect(cut.reason).toMatch(/estimated: cut short/);
    expect(cut.delta).toBeLessThan(0);
    // Only what was generated before the cut: far from 3000 words.
    expect(-cut.delta).toBeLessThan(1500);
  });

  it("takes a credential only from its own tenant's current gateway", async () => {
    const carol = await credentialOf(CAROL);
    const models = await json<{ data: Array<{ id: string }> }>(await proxy("/models", carol));
    expect(models.data.map((model) => model.id)).toEqual(["echo-1"]);
    // Carol's secret under Dan's tenant id: Dan's runtime never issued it.
    const forged = carol.replace(tenants[CAROL.email]!, tenants[DAN.email]!);
    expect(await errorOf(await proxy("/models", forged))).toEqual({ status: 401, code: "unauthorized" });

    // Every start replaces it: the restarted gateway holds a new one, the old one is refused.
    await json(await api(CAROL, "/api/openclaw/restart", { method: "POST" }));
    const renewed = await credentialOf(CAROL);
    expect(renewed).not.toBe(carol);
    expect(await errorOf(await proxy("/models", carol))).toEqual({ status: 401, code: "unauthorized" });
    expect((await proxy("/models", renewed)).status).toBe(200);
    expect(await chat(CAROL, "after the restart")).toContain("after the restart");

    // A sleeping tenant holds none.
    await json(await api(CAROL, "/api/openclaw/stop", { method: "POST" }));
    expect(await errorOf(await proxy("/models", renewed))).toEqual({ status: 401, code: "unauthorized" });
  });

  it("answers bad input with a clear error", async () => {
    const credential = await credentialOf(DAN);
    for (const header of [null, "", "not-a-credential", `ocmp_${tenants[DAN.email]}.${"0".repeat(64)}`, `ocmp_no--tenant.${"0".repeat(64)}`]) {
      expect(await errorOf(await proxy("/models", header)), String(header)).toEqual({ status: 401, code: "unauthorized" });
    }
    expect(await errorOf(await completion(credential, { model: "gpt-5-expensive", messages: [] }))).toEqual({ status: 400, code: "invalid_request" });
    expect(await errorOf(await completion(credential, { messages: [] }))).toEqual({ status: 400, code: "invalid_request" });
    const garbled = await proxy("/chat/completions", credential, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(await errorOf(garbled)).toEqual({ status: 400, code: "invalid_json" });
    const huge = JSON.stringify({ model: "echo-1", messages: [{ role: "user", content: "x".repeat(21 * 1024 * 1024) }] });
    expect(await postRefusedEarly(`${stack.apiUrl}${MODEL_PROXY_PATH}/chat/completions`, credential, huge)).toEqual({ status: 413, code: "payload_too_large" });
    // Dan's gateway still works after all that.
    expect(await chat(DAN, "still here")).toContain("still here");
  });

  it("holds credits for calls in flight: of two calls at once that could each spend all that is left, one waits for nothing and the other is refused", async () => {
    const credential = await credentialOf(DAN);
    // The ledger may not have the last calls yet (their debits go in batches): what is left is at most this.
    const { balance } = await ledger(DAN);
    // Streamed, 100 words with a pause between tokens: the first is still running when the second asks.
    const call = () => completion(credential, { model: "echo-1", stream: true, max_tokens: balance + 10_000, messages: [{ role: "user", content: "at once [words:100]" }] });
    const answers = await Promise.all([call(), call()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 402]);
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    const id = /"id":"(chatcmpl-[^"]+)"/.exec(bodies[answers.findIndex((answer) => answer.status === 200)]!)?.[1];
    expect(id).toBeDefined();
    // The admitted call settles at what it cost (about 100 tokens), not at what it held.
    const reference = `model:gateway:${id}`;
    await expect.poll(async () => (await ledger(DAN)).entries.find((entry) => entry.reference === reference)?.delta, { timeout: 10_000 }).toBeGreaterThan(-400);
  });

  it("refuses a tenant whose owner is out of credits: the proxy says so in the turn, the API with 402 before one", async () => {
    const credential = await credentialOf(DAN);
    const { balance } = await ledger(DAN);
    expect(balance).toBeGreaterThan(0);
    // Spend what is left (each output word is about one token; the model server writes at most a few thousand words a call).
    let left = balance;
    while (left > 0) {
      const spend = await json<{ usage: { total_tokens: number } }>(
        await completion(credential, { model: "echo-1", messages: [{ role: "user", content: `spend it all [words:${Math.min(left + 10, 4000)}]` }] }),
      );
      expect(spend.usage.total_tokens).toBeGreaterThan(0);
      const spent = left - spend.usage.total_tokens;
      await expect.poll(async () => (await ledger(DAN)).balance, { timeout: 10_000 }).toBeLessThanOrEqual(spent);
      left = (await ledger(DAN)).balance;
    }

    const refused = await completion(credential, { model: "echo-1", messages: [{ role: "user", content: "one more" }] });
    expect(await errorOf(refused)).toEqual({ status: 402, code: "insufficient_credits" });
    expect(await errorOf(await api(DAN, "/api/openclaw/chat", { method: "POST", json: { message: "one more" } }))).toEqual({ status: 402, code: "insufficient_credits" });
    // A turn that does not pass the API's check (a channel message, say) ends with the proxy's refusal in it.
    const direct = await fetch(`${stack.runtimeUrl}/v1/responses`, {
      method: "POST",
      headers: { ...stack.internalHeaders(tenants[DAN.email]!), "content-type": "application/json" },
      body: JSON.stringify({ model: "openclaw", input: "a channel message with no credits left" }),
    });
    expect(await direct.text()).toContain("out of credits");
  });
});
