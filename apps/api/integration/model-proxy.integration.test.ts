import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODEL_PROXY_PATH } from "@openclaw-cloud/contracts";
import { gatewayEnvironment, sandboxProcessEnvironments, startLocalStack, type LocalStack } from "@openclaw-cloud/local-stack";
import { startModelServer, type ModelServer } from "@openclaw-cloud/model-server";
import { tenantIdForUser } from "../src/auth/tenant-id.ts";

// The platform's model proxy on the real stack. The platform's upstream is a model server
// that answers only to the platform's key, and the api worker alone is given that key: a
// tenant's turn works only because the proxy adds it. Two people on the platform's model,
// each with a real gateway.
const ADMIN = { workosUserId: "user_mp_admin", email: "admin@mp.test", name: "Admin" };
const CAROL = { workosUserId: "user_mp_carol", email: "carol@mp.test", name: "Carol" };
const DAN = { workosUserId: "user_mp_dan", email: "dan@mp.test", name: "Dan" };
const PLATFORM_KEY = `platform-upstream-key-${randomBytes(16).toString("hex")}`;
const PROVIDER_KEY_ENTRY = "CUSTOM_API_KEY=";

let upstream: ModelServer;
let stack: LocalStack;
const stateDir = join(process.env.TMPDIR ?? "/tmp", `occ-model-proxy-it-${process.pid}`);
const tenants: Record<string, string> = {};

beforeAll(async () => {
  upstream = await startModelServer({ apiKey: PLATFORM_KEY });
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

function api(user: typeof CAROL, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(stack.apiInternalHeaders(user))) headers.set(name, value);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  return fetch(`${stack.apiUrl}${path}`, { ...init, headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
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

async function json<T = Record<string, unknown>>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
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
      await json(await api(ADMIN, `/api/admin/users/${me.user.id}/credits`, { method: "POST", json: { amount: 1_000_000, reason: "integration" } }), 201);
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
    const huge = await completion(credential, { model: "echo-1", messages: [{ role: "user", content: "x".repeat(21 * 1024 * 1024) }] });
    expect(await errorOf(huge)).toEqual({ status: 413, code: "payload_too_large" });
    // Dan's gateway still works after all that.
    expect(await chat(DAN, "still here")).toContain("still here");
  });
});
