import { randomBytes } from "node:crypto";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestNodeClient } from "@openclaw-cloud/gateway-rpc/testing";
import { collectSse, gatewayEnvironment as gatewayEnvironmentOf, gatewayToken, startLocalStack, type LocalStack, type SseEvent } from "@openclaw-cloud/local-stack";
import { tenantIdForUser } from "../src/auth/tenant-id.ts";
import { SIGNED_IN_ROUTES } from "../src/routes/signed-in-routes.ts";
import { apiRequest, errorCode, json, type ApiInit } from "./api-client.ts";
import { ResponseRecorder, findSecrets } from "./recorder.ts";

// The real platform: the API worker in front of the runtime worker in one workerd,
// the local Convex, the sandbox host with real OpenClaw gateways, the offline model.
// One tenant gets a gateway (~10 s and ~1.2 GB); the others never need one.
const ADMIN = { workosUserId: "user_it_admin", email: "admin@it.test", name: "Admin" };
const ALICE = { workosUserId: "user_it_alice", email: "alice@it.test", name: "Alice" };
const BOB = { workosUserId: "user_it_bob", email: "bob@it.test", name: "Bob" };
/** Alice brings her own key for the OpenAI-compatible provider (the local model server), then changes it. */
const ALICE_PROVIDER_KEY = `alice-provider-key-${randomBytes(12).toString("hex")}`;
const ALICE_SECOND_PROVIDER_KEY = `alice-second-key-${randomBytes(12).toString("hex")}`;
/** Alice's Telegram bot, shaped like BotFather's tokens. There is no internet here: the gateway only tries to reach Telegram. */
const ALICE_BOT_TOKEN = `${100_000_000 + randomBytes(3).readUIntBE(0, 3)}:AA${randomBytes(16).toString("base64url")}`;

let stack: LocalStack;
const recorder = new ResponseRecorder();
let aliceId = "";
let aliceTenant = "";
let bobId = "";
/** Alice's gateway token, read from the gateway process's own environment while it ran. */
const gatewayTokens = new Set<string>();

beforeAll(async () => {
  stack = await startLocalStack({
    stateDir: `${process.env.TMPDIR ?? "/tmp"}/occ-api-it-${process.pid}`,
    tokenDelayMs: 5,
    apiVars: { ADMIN_EMAILS: ADMIN.email, RATE_LIMIT_BURST: "1000", RATE_LIMIT_PER_SECOND: "1000" },
  });
});

afterAll(async () => {
  await stack?.stop();
});

function api(user: typeof ALICE | null, path: string, init: ApiInit = {}): Promise<Response> {
  return apiRequest(stack, user, path, init, recorder.fetch);
}

async function balanceOf(user: typeof ALICE): Promise<number> {
  return (await json<{ balance: number }>(await api(user, "/api/openclaw/billing/summary"))).balance;
}

/** The environment of the tenant's running gateway process, read from /proc (same user, same machine). */
const gatewayEnvironment = (tenantId: string) => gatewayEnvironmentOf(stack, tenantId);

/** The gateway token as the gateway process itself holds it. */
async function gatewayTokenOf(tenantId: string): Promise<string> {
  const token = await gatewayToken(stack, tenantId);
  if (!token) throw new Error("the gateway process has no OPENCLAW_GATEWAY_TOKEN");
  return token;
}

describe("the API worker end to end, as a server-to-server client", () => {
  it("joins the waitlist, is let in by an admin and given credits", async () => {
    const me = await json<{ user: { id: string }; access: boolean }>(await api(ALICE, "/api/me"));
    aliceId = me.user.id;
    aliceTenant = await tenantIdForUser(aliceId);
    expect(me.access).toBe(false);
    expect(await errorCode(await api(ALICE, "/api/openclaw/instance"))).toBe("waitlist");
    await json(await api(ALICE, "/api/waitlist", { method: "POST", json: { note: "integration" } }));

    const { entries } = await json<{ entries: Array<{ id: string; email: string }> }>(await api(ADMIN, "/api/admin/waitlist"));
    const entry = entries.find((e) => e.email === ALICE.email)!;
    await json(await api(ADMIN, `/api/admin/waitlist/${entry.id}/approve`, { method: "POST" }));
    expect((await json<{ access: boolean }>(await api(ALICE, "/api/me"))).access).toBe(true);
    await json(await api(ADMIN, `/api/admin/users/${aliceId}/credits`, { method: "POST", json: { amount: 1_000_000, reason: "integration" } }), 201);
    expect(await balanceOf(ALICE)).toBe(1_000_000);

    const key = await json<{ key: { last4: string } }>(await api(ALICE, "/api/keys/openai-compatible", { method: "PUT", json: { key: ALICE_PROVIDER_KEY, baseUrl: `${stack.model.url}/v1` } }));
    expect(key.key.last4).toBe(ALICE_PROVIDER_KEY.slice(-4));
  });

  it("creates the instance, streaming the runtime's provisioning stages in order as they happen", async () => {
    const started = performance.now();
    const response = await api(ALICE, "/api/openclaw/instance", { method: "POST", headers: { accept: "application/x-ndjson" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines: Array<{ stage: string; at: number; status?: { state: string }; error?: unknown }> = [];
    let buffer = "";
    for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf("\n")) !== -1) {
        lines.push({ ...JSON.parse(buffer.slice(0, newline)), at: performance.now() - started });
        buffer = buffer.slice(newline + 1);
      }
    }
    expect(
      lines.map((l) => l.stage),
      JSON.stringify(lines),
    ).toEqual(["accepted", "provisioning", "starting", "ready", "done"]);
    expect(lines.at(-1)!.status!.state).toBe("running");
    // Live, not buffered: the early stages arrive seconds before the gateway is ready.
    expect(lines.at(-1)!.at - lines[1]!.at).toBeGreaterThan(1000);
    const view = await json<{ instance: { status: string; openclawVersion: string }; availability: { ready: boolean } }>(await api(ALICE, "/api/openclaw/status"));
    expect(view.instance.status).toBe("running");
    expect(view.instance.openclawVersion).toMatch(/^\d{4}\./);
    expect(view.availability.ready).toBe(true);
    // Composed server-side: the gateway runs on Alice's own key, not the platform's.
    expect((await gatewayEnvironment(aliceTenant)).join("\n")).toContain(ALICE_PROVIDER_KEY);
    gatewayTokens.add(await gatewayTokenOf(aliceTenant));
  });

  it("streams a chat turn live from the gateway; on her own key it costs no credits", async () => {
    const before = await balanceOf(ALICE);
    const response = await api(ALICE, "/api/openclaw/chat", { method: "POST", json: { message: "hello from alice [words:40]", sessionKey: "webchat-alice" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events: SseEvent[] = await collectSse(response.body!);
    const deltas = events.filter((e) => e.event === "response.output_text.delta");
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.at(-1)!.at - deltas[0]!.at).toBeGreaterThan(50);
    expect(deltas.map((e) => (JSON.parse(e.data) as { delta: string }).delta).join("")).toContain("hello from alice");
    expect(events.at(-1)?.data).toBe("[DONE]");
    const completed = events.find((e) => e.event === "response.completed")!;
    const usage = (JSON.parse(completed.data) as { response: { usage: { total_tokens: number } } }).response.usage;
    expect(usage.total_tokens).toBeGreaterThan(0);
    // Alice's gateway calls the model with her own key: credits pay for the platform's model
    // only (metered at the model proxy, model-proxy.integration.test.ts), so this turn is free.
    // A debit would reach the ledger about a second after the call (the debit queue's
    // DEBIT_SEND_DELAY_MS, src/billing/debit-queue.ts): wait well past it.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await balanceOf(ALICE)).toBe(before);
  });

  it("shows the turn in the sessions and their history, sends into a session, invokes tools", async () => {
    const sessions = JSON.stringify(await json(await api(ALICE, "/api/openclaw/sessions")));
    expect(sessions).toContain("webchat-alice");
    const history = JSON.stringify(await json(await api(ALICE, `/api/openclaw/sessions/${encodeURIComponent("webchat-alice")}/history`)));
    expect(history).toContain("hello from alice");

    const sent = await json(await api(ALICE, `/api/openclaw/sessions/${encodeURIComponent("webchat-alice")}/send`, { method: "POST", json: { message: "second message from alice" } }));
    expect(JSON.stringify(sent)).toContain("second message from alice");
    const tools = await json<{ result: unknown }>(await api(ALICE, "/api/openclaw/tools/invoke", { method: "POST", json: { tool: "sessions_list", args: {} } }));
    expect(JSON.stringify(tools.result)).toContain("webchat-alice");
    expect(await errorCode(await api(ALICE, "/api/openclaw/tools/invoke", { method: "POST", json: { tool: "no_such_tool" } }))).toBe("unknown_tool");

    const devices = await json<{ pending: unknown[]; paired: unknown[] }>(await api(ALICE, "/api/openclaw/devices"));
    expect(Array.isArray(devices.pending)).toBe(true);
    expect(await errorCode(await api(ALICE, "/api/openclaw/devices/no-such-request/approve", { method: "POST" }))).toBe("no_pending_pairing_request");
    expect((await api(ALICE, "/api/openclaw/pairing")).status).toBe(200);
  });

  it("streams through the openai SDK from /api/openclaw/v1/responses with a user API token", async () => {
    const { token } = await json<{ token: string }>(await api(ALICE, "/api/tokens", { method: "POST", json: { name: "sdk" } }), 201);
    const client = new OpenAI({ apiKey: token, baseURL: `${stack.apiUrl}/api/openclaw/v1`, fetch: recorder.fetch, maxRetries: 0 });
    const stream = await client.responses.create({ model: "openclaw", input: "the sdk says hi [words:20]", stream: true });
    let text = "";
    const types: string[] = [];
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "response.output_text.delta") text += event.delta;
    }
    expect(text).toContain("the sdk says hi");
    expect(types.filter((t) => t === "response.output_text.delta").length).toBeGreaterThan(5);
    expect(types.at(-1)).toBe("response.completed");

    const plain = await client.responses.create({ model: "openclaw", input: "and once more without streaming" });
    expect(plain.output_text).toContain("and once more without streaming");

    await json(await recorder.fetch(`${stack.apiUrl}/api/tokens`, { headers: { authorization: `Bearer ${token}` } }));
    const { tokens } = await json<{ tokens: Array<{ id: string; prefix: string }> }>(await api(ALICE, "/api/tokens"));
    await json(await api(ALICE, `/api/tokens/${tokens.find((t) => token.startsWith(t.prefix))!.id}`, { method: "DELETE" }));
    await expect(client.responses.create({ model: "openclaw", input: "revoked" })).rejects.toMatchObject({ status: 401 });
  });

  it("serves OpenAI chat completions and the model list to the openai SDK and the AI SDK with a user API token", async () => {
    const { token } = await json<{ token: string }>(await api(ALICE, "/api/tokens", { method: "POST", json: { name: "chat-completions" } }), 201);
    const baseURL = `${stack.apiUrl}/api/openclaw/v1`;
    const client = new OpenAI({ apiKey: token, baseURL, fetch: recorder.fetch, maxRetries: 0 });
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain("openclaw");

    const stream = await client.chat.completions.create({ model: "openclaw", messages: [{ role: "user", content: "completions say hi [words:20]" }], stream: true });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta?.content ?? "";
    }
    expect(text).toContain("completions say hi");
    expect(chunks).toBeGreaterThan(5);
    const whole = await client.chat.completions.create({ model: "openclaw", messages: [{ role: "user", content: "and whole" }] });
    expect(whole.choices[0]?.message.content).toContain("and whole");

    const provider = createOpenAICompatible({ name: "openclaw", baseURL, apiKey: token, fetch: recorder.fetch });
    const result = streamText({ model: provider.chatModel("openclaw"), prompt: "the ai sdk says hi [words:10]" });
    let aiText = "";
    for await (const part of result.textStream) aiText += part;
    expect(aiText).toContain("the ai sdk says hi");

    // Bad input gets the API's own errors; a browser session is no API token.
    const post = (body: string, headers: Record<string, string> = {}) =>
      recorder.fetch(`${baseURL}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, body });
    expect(await errorCode(await post("{"))).toBe("invalid_json");
    expect(await errorCode(await post(JSON.stringify({ model: "openclaw", messages: [] })))).toBe("invalid_request");
    expect(await errorCode(await post(JSON.stringify({ model: "openclaw", messages: [{ role: "user", content: "x" }] }), { "x-openclaw-session-key": "cron:x" }))).toBe("reserved_session_key");
    expect(await errorCode(await recorder.fetch(`${baseURL}/models`))).toBe("unauthorized");
  });

  it("backs up, lists backups, restarts and restores", async () => {
    const backup = await json<{ id: string; sha256: string }>(await api(ALICE, "/api/openclaw/backup", { method: "POST" }), 201);
    const { backups } = await json<{ backups: Array<{ id: string }> }>(await api(ALICE, "/api/openclaw/backups"));
    expect(backups.map((b) => b.id)).toContain(backup.id);
    const restarted = await json<{ runtime: { state: string } }>(await api(ALICE, "/api/openclaw/restart", { method: "POST" }));
    expect(restarted.runtime.state).toBe("running");
    const restored = await json<{ runtime: { state: string } }>(await api(ALICE, "/api/openclaw/restore", { method: "POST", json: { id: backup.id } }));
    expect(restored.runtime.state).toBe("running");
    const history = JSON.stringify(await json(await api(ALICE, `/api/openclaw/sessions/${encodeURIComponent("webchat-alice")}/history`)));
    expect(history).toContain("hello from alice");
    gatewayTokens.add(await gatewayTokenOf(aliceTenant));
  });

  it("a new provider key reconfigures the running gateway, which then answers with it", async () => {
    const changed = await json<{ key: { last4: string }; gateway: { reconfigured: boolean; state: string } }>(
      await api(ALICE, "/api/keys/openai-compatible", { method: "PUT", json: { key: ALICE_SECOND_PROVIDER_KEY, baseUrl: `${stack.model.url}/v1` } }),
    );
    expect(changed).toMatchObject({ key: { last4: ALICE_SECOND_PROVIDER_KEY.slice(-4) }, gateway: { reconfigured: true, state: "running" } });
    const environment = (await gatewayEnvironment(aliceTenant)).join("\n");
    expect(environment).toContain(ALICE_SECOND_PROVIDER_KEY);
    expect(environment).not.toContain(ALICE_PROVIDER_KEY);
    const response = await api(ALICE, "/api/openclaw/chat", { method: "POST", json: { message: "after the key change [words:5]", sessionKey: "webchat-alice" } });
    const events = await collectSse(response.body!);
    expect(events.some((e) => e.event === "response.completed")).toBe(true);
    gatewayTokens.add(await gatewayTokenOf(aliceTenant));
  });

  it("connects a Telegram bot: the running gateway gets the token in its environment, loses it on remove, and no answer shows it", async () => {
    expect(await json(await api(ALICE, "/api/openclaw/channels"))).toEqual({ telegram: { configured: false, last4: null, updatedAt: null } });
    const set = await json<{ channel: { configured: boolean; last4: string }; gateway: { reconfigured: boolean; state: string } }>(
      await api(ALICE, "/api/openclaw/channels/telegram", { method: "PUT", json: { botToken: ALICE_BOT_TOKEN } }),
    );
    expect(set, JSON.stringify(set)).toMatchObject({ channel: { configured: true, last4: ALICE_BOT_TOKEN.slice(-4) }, gateway: { reconfigured: true, state: "running" } });
    expect(await gatewayEnvironment(aliceTenant)).toContain(`TELEGRAM_BOT_TOKEN=${ALICE_BOT_TOKEN}`);
    gatewayTokens.add(await gatewayTokenOf(aliceTenant));
    expect((await json<{ telegram: { configured: boolean } }>(await api(ALICE, "/api/openclaw/channels"))).telegram.configured).toBe(true);

    // The gateway's own output, with the Telegram channel trying (offline) to start, redacted.
    await expect.poll(async () => (await json<{ lines: string[] }>(await api(ALICE, "/api/openclaw/logs?lines=500"))).lines.join("\n"), { timeout: 30_000, interval: 1000 }).toMatch(/\[telegram\]/);
    const { lines } = await json<{ lines: string[] }>(await api(ALICE, "/api/openclaw/logs?lines=20"));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(20);

    // Removing it restarts the gateway without it. OpenClaw's graceful shutdown would wait on the
    // offline Telegram channel for minutes; the sandbox host's SIGKILL after its grace period ends it.
    const removed = await json<{ channel: { configured: boolean }; gateway: { reconfigured: boolean; state: string } }>(await api(ALICE, "/api/openclaw/channels/telegram", { method: "DELETE" }));
    expect(removed, JSON.stringify(removed)).toMatchObject({ channel: { configured: false }, gateway: { reconfigured: true, state: "running" } });
    const environment = (await gatewayEnvironment(aliceTenant)).join("\n");
    expect(environment).not.toContain(ALICE_BOT_TOKEN);
    expect(environment).not.toContain("TELEGRAM_BOT_TOKEN=");
    gatewayTokens.add(await gatewayTokenOf(aliceTenant));
    const audit = await json<{ entries: Array<{ action: string; target: string }> }>(await api(ADMIN, "/api/admin/audit?limit=100"));
    expect(audit.entries.filter((e) => e.target === aliceId).map((e) => e.action)).toEqual(expect.arrayContaining(["channel.set", "channel.delete"]));
  });

  it("stops the instance on request (backed up, asleep) and records it", async () => {
    await json(await api(ALICE, "/api/openclaw/sessions")); // running, so the stop backs it up first
    const stopped = await json<{ instance: { status: string }; runtime: { state: string; lastBackup: { reason: string } }; availability: { waking: boolean } }>(
      await api(ALICE, "/api/openclaw/stop", { method: "POST" }),
    );
    expect(stopped).toMatchObject({ instance: { status: "sleeping" }, runtime: { state: "sleeping", lastBackup: { reason: "sleep" } }, availability: { waking: true } });
    const admin = await json<{ instances: Array<{ ownerId: string; status: string }> }>(await api(ADMIN, "/api/admin/instances"));
    expect(admin.instances.find((i) => i.ownerId === aliceId)?.status).toBe("sleeping");
  });

  it("pairs a real OpenClaw node through the API's own /gateway URL from a device link", async () => {
    // Any gateway request wakes the sleeping instance and waits for it; the node then meets a running gateway.
    await json(await api(ALICE, "/api/openclaw/sessions"));
    const link = await json<{ wsUrl: string; expiresAt: string; path: string }>(await api(ALICE, "/api/openclaw/devices/link", { method: "POST" }), 201);
    expect(link.path).toBe(`/gateway/${aliceTenant}/`);
    expect(link.wsUrl.startsWith(`${stack.apiUrl.replace(/^http/, "ws")}/gateway/${aliceTenant}/?ticket=`)).toBe(true);
    const node = await startTestNodeClient({ url: link.wsUrl, displayName: "api-integration-node" });
    try {
      await node.waitForPairingRequired(120_000);
      const before = await json<{ pending: Array<{ requestId: string; deviceId: string }> }>(await api(ALICE, "/api/openclaw/devices"));
      const request = before.pending.find((p) => p.deviceId === node.deviceId);
      expect(request).toBeDefined();
      await json(await api(ALICE, `/api/openclaw/devices/${request!.requestId}/approve`, { method: "POST" }));
      const connection = await node.waitForConnected(60_000);
      expect(connection.role).toBe("node");
      const after = await json<{ paired: Array<{ deviceId: string }> }>(await api(ALICE, "/api/openclaw/devices"));
      expect(after.paired.map((d) => d.deviceId)).toContain(node.deviceId);
    } finally {
      await node.stop();
    }
    // The proxy path takes the ticket, not API credentials, and only for its own tenant.
    expect((await recorder.fetch(`${stack.apiUrl}/gateway/${aliceTenant}/`)).status).toBe(401);
    expect((await recorder.fetch(`${stack.apiUrl}/gateway/u-00000000000000000000000000000000/${new URL(link.wsUrl).search}`)).status).toBe(401);
    expect((await json<{ runtime: { state: string } }>(await api(ALICE, "/api/openclaw/status"))).runtime.state).toBe("running");
    gatewayTokens.add(await gatewayTokenOf(aliceTenant));
  });

  it("shows an admin a user's instance with its redacted gateway logs", async () => {
    const view = await json<{ user: { id: string; email: string }; instance: { instance: { status: string }; runtime: { state: string } }; logs: string[] }>(
      await api(ADMIN, `/api/admin/users/${aliceId}/instance`),
    );
    expect(view.user).toMatchObject({ id: aliceId, email: ALICE.email });
    expect(view.instance.runtime.state).toBe("running");
    expect(view.logs.length).toBeGreaterThan(0);
    expect(await errorCode(await api(ALICE, `/api/admin/users/${aliceId}/instance`))).toBe("forbidden");
    expect(await errorCode(await api(ADMIN, "/api/admin/users/no-such-user/instance"))).toBe("not_found");
  });

  it("keeps users apart: Bob reaches only his own (absent) instance, whatever he sends", async () => {
    const me = await json<{ user: { id: string } }>(await api(BOB, "/api/me"));
    bobId = me.user.id;
    await json(await api(ADMIN, `/api/admin/users/${bobId}/access`, { method: "POST", json: { enabled: true } }));
    // No credits yet: a turn is refused before any work.
    expect(await errorCode(await api(BOB, "/api/openclaw/chat", { method: "POST", json: { message: "hi" } }))).toBe("insufficient_credits");
    await json(await api(ADMIN, `/api/admin/users/${bobId}/credits`, { method: "POST", json: { amount: 1000, reason: "integration" } }), 201);
    // Naming Alice's tenant, or acting with headers meant for the runtime, changes nothing.
    const tricks = { "x-oa-tenant-id": aliceTenant, "x-openclaw-session-key": "webchat-alice" };
    // Channels are the user's own settings, not the instance: Bob sees none of Alice's.
    expect(await json(await api(BOB, "/api/openclaw/channels", { headers: tricks }))).toEqual({ telegram: { configured: false, last4: null, updatedAt: null } });
    for (const [method, path] of SIGNED_IN_ROUTES.filter(([, p]) => p.startsWith("/api/openclaw/") && !p.includes("billing") && !p.includes("/channels") && !p.endsWith("/instance"))) {
      const body =
        method === "POST"
          ? {
              json:
                path.endsWith("/chat") || path.endsWith("/send")
                  ? { message: "hi" }
                  : path.endsWith("responses")
                    ? { input: "hi" }
                    : path.endsWith("completions")
                      ? { messages: [{ role: "user", content: "hi" }] }
                      : path.endsWith("invoke")
                        ? { tool: "sessions_list" }
                        : path.endsWith("approve") && path.includes("pairing")
                          ? { channel: "telegram", requestId: "r" }
                          : path.includes("exec-approvals")
                            ? { decision: "deny" }
                            : {},
            }
          : {};
      const response = await api(BOB, path, { method, headers: tricks, ...body });
      expect(`${method} ${path} ${response.status} ${await errorCode(response)}`).toBe(`${method} ${path} 404 no_instance`);
    }
    const { token } = await json<{ token: string }>(await api(BOB, "/api/tokens", { method: "POST", json: { name: "bob" } }), 201);
    const bobClient = new OpenAI({ apiKey: token, baseURL: `${stack.apiUrl}/api/openclaw/v1`, fetch: recorder.fetch, maxRetries: 0 });
    await expect(bobClient.responses.create({ model: "openclaw", input: "whose gateway is this?" })).rejects.toMatchObject({ status: 404 });
    // Alice's gateway is untouched by all of it.
    expect((await json<{ runtime: { state: string } }>(await api(ALICE, "/api/openclaw/status"))).runtime.state).toBe("running");
  });

  it("refuses every route without auth, with a wrong internal key and with a revoked token", async () => {
    const { id, token } = await json<{ id: string; token: string }>(await api(ALICE, "/api/tokens", { method: "POST", json: { name: "short-lived" } }), 201);
    await json(await api(ALICE, `/api/tokens/${id}`, { method: "DELETE" }));
    for (const [method, path] of SIGNED_IN_ROUTES) {
      const attempts: Array<Record<string, string>> = [{}, { "x-oa-internal-key": "wrong", "x-oa-user-id": ALICE.workosUserId }, { authorization: `Bearer ${token}` }];
      for (const headers of attempts) {
        const response = await recorder.fetch(`${stack.apiUrl}${path}`, { method, headers });
        expect(`${method} ${path} ${response.status} ${await errorCode(response)}`).toBe(`${method} ${path} 401 unauthorized`);
      }
    }
  });

  it("deletes the instance, and its gateway with it", async () => {
    const deleted = await json<{ deleted: boolean; status: { state: string } }>(await api(ALICE, "/api/openclaw/instance", { method: "DELETE" }));
    expect(deleted).toMatchObject({ deleted: true, status: { state: "absent" } });
    expect(await errorCode(await api(ALICE, "/api/openclaw/instance"))).toBe("no_instance");
    const admin = await json<{ instances: Array<{ ownerId: string }> }>(await api(ADMIN, "/api/admin/instances"));
    expect(admin.instances.some((i) => i.ownerId === aliceId)).toBe(false);
  });
});

describe("secrets", () => {
  it("no answer in these flows, body or header, contains a gateway token, a provider key, a bot token or a platform secret", async () => {
    const responses = await recorder.settled();
    expect(responses.length).toBeGreaterThan(150);
    expect(responses.some((r) => r.body.includes("response.output_text.delta"))).toBe(true);
    expect(findSecrets(responses, { providerKey: ALICE_PROVIDER_KEY, secondProviderKey: ALICE_SECOND_PROVIDER_KEY, botToken: ALICE_BOT_TOKEN, ...platformSecrets() })).toEqual([]);
    expect(gatewayTokens.size).toBeGreaterThan(0);
    expect(findSecrets(responses, Object.fromEntries([...gatewayTokens].map((token, i) => [`gatewayToken${i}`, token])))).toEqual([]);
  });
});

function platformSecrets(): Record<string, string> {
  const { internalKey, proxyTicketSecret, sandboxHostSecret, convexControlKey, sessionSecret, encryptionKey } = stack.secrets;
  return { internalKey, proxyTicketSecret, sandboxHostSecret, convexControlKey, sessionSecret, encryptionKey };
}
