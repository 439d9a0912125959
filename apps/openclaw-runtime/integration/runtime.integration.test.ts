import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSse, gatewayEnvironment, readSse, startLocalStack, tenantSandboxIds, type LocalStack, type SseEvent } from "@openclaw-cloud/local-stack";
import { runtimeRequest } from "./runtime-request.ts";

// The real stack: workerd running the runtime worker and its Durable Objects, the
// sandbox host running real `openclaw gateway` processes, and the offline model server.
let stack: LocalStack;
/** For calls that may take longer than fetch waits for an answer's headers by default (300 s). */
const PATIENT = { dispatcher: new Agent({ headersTimeout: 600_000, bodyTimeout: 600_000 }) } as RequestInit;
const stateDir = `${process.env.TMPDIR ?? "/tmp"}/occ-runtime-it-${process.pid}`;

beforeAll(async () => {
  stack = await startLocalStack({
    stateDir,
    tokenDelayMs: 5,
    // A gateway's cold start is ~10 s on an idle machine but took 60-100 s on a shared 2-core
    // one running other stacks' gateways; these tests are about behaviour, the bench about speed.
    runtimeVars: { GATEWAY_START_TIMEOUT_SECONDS: "150" },
  });
});

afterAll(async () => {
  await stack?.stop();
});

function runtime(tenant: string, path: string, init: RequestInit = {}): Promise<Response> {
  return runtimeRequest(stack, tenant, path, init);
}

async function json<T = Record<string, unknown>>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function provision(tenant: string): Promise<Record<string, unknown>> {
  return json(await runtime(tenant, "/v1/tenant/provision", { method: "POST", body: JSON.stringify({ settings: stack.tenantSettings() }) }), 201);
}

/** Streams one turn and returns its events; the text deltas are what the model emitted. */
async function chat(tenant: string, text: string, sessionKey?: string): Promise<{ events: SseEvent[]; text: string }> {
  const response = await runtime(tenant, "/v1/responses", {
    method: "POST",
    headers: sessionKey ? { "x-openclaw-session-key": sessionKey } : {},
    body: JSON.stringify({ model: "openclaw", input: text, stream: true }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const events = await collectSse(response.body!);
  const deltas = events.filter((e) => e.event === "response.output_text.delta").map((e) => (JSON.parse(e.data) as { delta: string }).delta);
  return { events, text: deltas.join("") };
}

/** The home on this machine of the tenant's sandbox (the newest: each restore moves the tenant to a new one), as the sandbox host reports it. */
async function sandboxHome(tenant: string): Promise<string> {
  const [sandbox] = await tenantSandboxIds(stack, tenant);
  const response = await fetch(`${stack.sandboxHostUrl}/sandboxes/${sandbox}`, { headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}` } });
  return (await json<{ home: string }>(response)).home;
}

/** Writes `bytes` of random data to `path` in 1 MB chunks and returns their sha256. */
async function writeRandomFile(path: string, bytes: number): Promise<string> {
  const hash = createHash("sha256");
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += 1 << 20) {
    const chunk = randomBytes(Math.min(1 << 20, bytes - written));
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return hash.digest("hex");
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function sessionsText(result: unknown): string {
  return JSON.stringify(result);
}

describe("tenant runtime with real gateways", () => {
  it("provisions two tenants side by side, each streaming its own chat", { timeout: 300_000 }, async () => {
    const [a, b] = await Promise.all([provision("tenant-a"), provision("tenant-b")]);
    expect(a).toMatchObject({ state: "running", tenantId: "tenant-a", lastError: null });
    expect(b).toMatchObject({ state: "running", tenantId: "tenant-b" });
    expect(JSON.stringify(a)).not.toContain("local-model-key");

    const [chatA, chatB] = await Promise.all([chat("tenant-a", "hello from alpha [words:40]", "webchat-alpha"), chat("tenant-b", "hello from bravo [words:40]", "webchat-bravo")]);
    for (const { events } of [chatA, chatB]) {
      const deltas = events.filter((e) => e.event === "response.output_text.delta");
      expect(deltas.length).toBeGreaterThan(10);
      // Streaming, not buffering: the first delta arrives well before the last one.
      expect(deltas.at(-1)!.at - deltas[0]!.at).toBeGreaterThan(50);
      expect(events.at(-1)?.data).toBe("[DONE]");
    }
    expect(chatA.text).toContain("hello from alpha");
    expect(chatB.text).toContain("hello from bravo");
  });

  it("invokes tools, lists sessions and shows history for each tenant only", async () => {
    const invoked = await json<{ result: unknown }>(await runtime("tenant-a", "/v1/tools/invoke", { method: "POST", body: JSON.stringify({ tool: "sessions_list", args: {} }) }));
    expect(sessionsText(invoked.result)).toContain("webchat-alpha");

    const listA = sessionsText((await json<{ result: unknown }>(await runtime("tenant-a", "/v1/sessions"))).result);
    const listB = sessionsText((await json<{ result: unknown }>(await runtime("tenant-b", "/v1/sessions"))).result);
    expect(listA).toContain("webchat-alpha");
    expect(listA).not.toContain("webchat-bravo");
    expect(listB).toContain("webchat-bravo");
    expect(listB).not.toContain("webchat-alpha");

    const history = await json<{ result: unknown }>(await runtime("tenant-a", `/v1/sessions/${encodeURIComponent("webchat-alpha")}/history`));
    expect(sessionsText(history.result)).toContain("hello from alpha");
    const foreign = await json<{ result: unknown }>(await runtime("tenant-b", `/v1/sessions/${encodeURIComponent("webchat-alpha")}/history`));
    expect(sessionsText(foreign.result)).not.toContain("hello from alpha");
  });

  it("sends into an existing session, streaming and not", async () => {
    const sent = await runtime("tenant-a", `/v1/sessions/${encodeURIComponent("webchat-alpha")}/send`, {
      method: "POST",
      body: JSON.stringify({ message: "second message in alpha" }),
    });
    const body = await json<{ output?: unknown; status?: string }>(sent);
    expect(JSON.stringify(body)).toContain("second message in alpha");

    const streamed = await runtime("tenant-a", `/v1/sessions/${encodeURIComponent("webchat-alpha")}/send`, {
      method: "POST",
      body: JSON.stringify({ message: "third message [words:5]", stream: true }),
    });
    const events = await collectSse(streamed.body!);
    expect(events.some((e) => e.event === "response.completed")).toBe(true);

    const history = await json<{ result: unknown }>(await runtime("tenant-a", `/v1/sessions/${encodeURIComponent("webchat-alpha")}/history`));
    expect(sessionsText(history.result)).toContain("second message in alpha");
    expect(sessionsText(history.result)).toContain("third message");
  });

  it("gives no header, token or path from tenant A a way into tenant B", async () => {
    // A session key shaped like a path stays a session key inside A's own gateway.
    const sneaky = await runtime("tenant-a", `/v1/sessions/${encodeURIComponent("../tenant-b/webchat-bravo")}/history`);
    expect(sessionsText(await sneaky.json())).not.toContain("hello from bravo");
    // A ticket for A does not open B's proxy.
    const { ticket } = await json<{ ticket: string }>(await runtime("tenant-a", "/v1/gateway/tickets", { method: "POST", body: JSON.stringify({ purpose: "control-ui" }) }), 201);
    expect((await fetch(`${stack.runtimeUrl}/control-ui/tenant-b/?ticket=${encodeURIComponent(ticket)}`)).status).toBe(401);
    // Tenant-id tricks are refused before any tenant is touched.
    for (const tenant of ["tenant-b/..", "TENANT-B", "tenant-b%00", ""]) {
      expect((await fetch(`${stack.runtimeUrl}/v1/sessions`, { headers: { "x-oa-internal-key": stack.secrets.internalKey, "x-oa-tenant-id": tenant } })).status).toBe(400);
    }
    // B's gateway refuses any bearer but its own token, even from inside the machine; the
    // start's token probe (a call naming no tool) is refused the same way, so a start never
    // takes another gateway on its port for its own.
    for (const body of [{ tool: "sessions_list", args: {} }, {}]) {
      const direct = await fetch(`${stack.sandboxHostUrl}/sandboxes/tenant-b/ports/18789/tools/invoke`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}`, "x-sandbox-forward-authorization": "Bearer not-the-token", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(direct.status).toBe(401);
    }
    // Nothing any route returned carries a gateway token: status is all a caller sees.
    const status = await json<Record<string, unknown>>(await runtime("tenant-b", "/v1/tenant/status"));
    expect(Object.keys(status).sort()).toEqual([
      "agent",
      "crash",
      "lastBackup",
      "lastBackupError",
      "lastError",
      "lastErrorAt",
      "model",
      "nextRestartAt",
      "notAnsweringSince",
      "openclawVersion",
      "since",
      "state",
      "tenantId",
      "uptimeMs",
    ]);
  });

  it("serves the gateway's recent output with the secrets it holds redacted", async () => {
    const environment = await gatewayEnvironment(stack, "tenant-a");
    const token = environment.find((entry) => entry.startsWith("OPENCLAW_GATEWAY_TOKEN="))!.slice("OPENCLAW_GATEWAY_TOKEN=".length);
    const { lines } = await json<{ lines: string[] }>(await runtime("tenant-a", "/v1/tenant/logs"));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join("\n")).toContain("[gateway]");
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toContain("local-model-key");
    const few = await json<{ lines: string[] }>(await runtime("tenant-a", "/v1/tenant/logs?lines=2"));
    expect(few.lines).toHaveLength(2);
    expect((await runtime("tenant-never", "/v1/tenant/logs")).status).toBe(404);
  });

  it("answers gateway-side bad input with clear errors", async () => {
    const unknown = await runtime("tenant-a", "/v1/tools/invoke", { method: "POST", body: JSON.stringify({ tool: "no_such_tool" }) });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("unknown_tool");
    const denied = await runtime("tenant-a", "/v1/tools/invoke", { method: "POST", body: JSON.stringify({ tool: "exec", args: { command: "id" } }) });
    expect([403, 404]).toContain(denied.status);
    const noPairing = await runtime("tenant-a", "/v1/devices/does-not-exist/approve", { method: "POST" });
    expect(noPairing.status).toBe(404);
    expect(((await noPairing.json()) as { error: { code: string } }).error.code).toBe("pairing_request_not_found");
  });

  it("keeps sessions across restart and stop/wake", async () => {
    const restarted = await json(await runtime("tenant-a", "/v1/tenant/restart", { method: "POST" }));
    expect(restarted).toMatchObject({ state: "running" });
    expect(sessionsText((await json<{ result: unknown }>(await runtime("tenant-a", "/v1/sessions"))).result)).toContain("webchat-alpha");

    const stopped = await json(await runtime("tenant-a", "/v1/tenant/stop", { method: "POST" }));
    expect(stopped).toMatchObject({ state: "sleeping" });
    expect((stopped as { lastBackup: unknown }).lastBackup).not.toBeNull();
    // Concurrent requests wake the tenant once: one gateway process, every request answered.
    const lists = await Promise.all(Array.from({ length: 5 }, () => runtime("tenant-a", "/v1/sessions").then((r) => json<{ result: unknown }>(r))));
    for (const list of lists) expect(sessionsText(list.result)).toContain("webchat-alpha");
    const sandbox = await fetch(`${stack.sandboxHostUrl}/sandboxes/tenant-a/processes`, { headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}` } });
    const { processes } = (await sandbox.json()) as { processes: Array<{ id: string; status: string }> };
    expect(processes.filter((p) => p.status === "running")).toHaveLength(1);
    expect(await json(await runtime("tenant-a", "/v1/tenant/status"))).toMatchObject({ state: "running" });
  });

  it("gives a terminal error event when the gateway dies mid-stream, then recovers", async () => {
    const response = await runtime("tenant-b", "/v1/responses", {
      method: "POST",
      body: JSON.stringify({ model: "openclaw", input: "long answer please [words:2000]", stream: true }),
    });
    const events: SseEvent[] = [];
    let killedAt = 0;
    for await (const event of readSse(response.body!)) {
      events.push(event);
      if (!killedAt && events.filter((e) => e.event === "response.output_text.delta").length === 5) {
        killedAt = performance.now();
        const kill = await fetch(`${stack.sandboxHostUrl}/sandboxes/tenant-b/processes/gateway?signal=SIGKILL`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}` },
        });
        expect(kill.ok).toBe(true);
      }
    }
    const failed = events.find((e) => e.event === "response.failed");
    expect(failed).toBeDefined();
    expect(failed!.at - killedAt).toBeLessThan(5000);
    expect(events.at(-1)?.data).toBe("[DONE]");

    const next = await chat("tenant-b", "are you back?");
    expect(next.text).toContain("are you back?");
  });

  it("backs up, destroys and provisions again with the earlier session back", async () => {
    const backup = await json<{ id: string; bytes: number }>(await runtime("tenant-b", "/v1/backups", { method: "POST" }), 201);
    expect(backup.bytes).toBeGreaterThan(0);
    const listed = await json<{ backups: Array<{ id: string }> }>(await runtime("tenant-b", "/v1/backups"));
    expect(listed.backups[0]?.id).toBe(backup.id);
    expect((await json<{ backups: Array<{ id: string }> }>(await runtime("tenant-a", "/v1/backups"))).backups.map((b) => b.id)).not.toContain(backup.id);

    expect(await json(await runtime("tenant-b", "/v1/tenant", { method: "DELETE" }))).toMatchObject({ state: "absent" });
    expect((await runtime("tenant-b", "/v1/sessions")).status).toBe(404);

    expect(await provision("tenant-b")).toMatchObject({ state: "running" });
    const list = sessionsText((await json<{ result: unknown }>(await runtime("tenant-b", "/v1/sessions"))).result);
    expect(list).toContain("webchat-bravo");
  });

  it("restores a named backup after a safety backup of the state it replaces", async () => {
    const { backups } = await json<{ backups: Array<{ id: string }> }>(await runtime("tenant-b", "/v1/backups"));
    const restored = await json(await runtime("tenant-b", "/v1/backups/restore", { method: "POST", body: JSON.stringify({ id: backups.at(-1)!.id }) }));
    expect(restored).toMatchObject({ state: "running" });
    const after = await json<{ backups: Array<{ id: string; reason: string }> }>(await runtime("tenant-b", "/v1/backups"));
    expect(after.backups[0]?.reason).toBe("restore");
    expect(after.backups.map((b) => b.id)).toContain(backups.at(-1)!.id);
    const missing = await runtime("tenant-b", "/v1/backups/restore", { method: "POST", body: JSON.stringify({ id: "20200101T000000000Z-aaaaaa" }) });
    expect(missing.status).toBe(404);
  });

  it("restores beside the running gateway: a chat streaming meanwhile finishes, every request meanwhile is answered, the next turn sees the restored state", { timeout: 400_000 }, async () => {
    await chat("tenant-b", "a session the backup holds", "webchat-older");
    const backup = await json<{ id: string }>(await runtime("tenant-b", "/v1/backups", { method: "POST" }), 201);
    await chat("tenant-b", "a session newer than the backup", "webchat-newer");
    const sessions = async () => sessionsText((await json<{ result: unknown }>(await runtime("tenant-b", "/v1/sessions"))).result);
    expect(await sessions()).toContain("webchat-newer");

    // About 20 s of streaming (4000 words at 5 ms a token), on the gateway the restore replaces.
    const streaming = await runtime("tenant-b", "/v1/responses", { method: "POST", body: JSON.stringify({ model: "openclaw", input: "long answer please [words:4000]", stream: true }) });
    const events = collectSse(streaming.body!);
    const [before] = await tenantSandboxIds(stack, "tenant-b");
    let restoring = true;
    const probes: number[] = [];
    const probing = (async () => {
      while (restoring) probes.push((await runtime("tenant-b", "/v1/sessions")).status);
    })();
    const restored = await json(await runtime("tenant-b", "/v1/backups/restore", { method: "POST", body: JSON.stringify({ id: backup.id }) }));
    restoring = false;
    await probing;
    expect(restored).toMatchObject({ state: "running" });
    expect(probes.length).toBeGreaterThan(5);
    expect(probes.filter((status) => status !== 200)).toEqual([]);
    const [serving] = await tenantSandboxIds(stack, "tenant-b");
    expect(serving).not.toBe(before);

    const streamed = await events;
    expect(streamed.some((e) => e.event === "response.completed")).toBe(true);
    expect(streamed.at(-1)?.data).toBe("[DONE]");
    const after = await sessions();
    expect(after).toContain("webchat-older");
    expect(after).not.toContain("webchat-newer");
    expect((await chat("tenant-b", "after the restore", "webchat-older")).text).toContain("after the restore");
    // The replaced sandbox goes once its stream has finished.
    await expect.poll(async () => (await tenantSandboxIds(stack, "tenant-b")).includes(before!), { timeout: 30_000 }).toBe(false);
  });

  it("keeps serving from the running gateway when a restore fails (a corrupt archive in R2)", { timeout: 300_000 }, async () => {
    await chat("tenant-b", "a session the corrupt backup would hold", "webchat-kept");
    const backup = await json<{ id: string; bytes: number }>(await runtime("tenant-b", "/v1/backups", { method: "POST" }), 201);
    // Local R2 keeps each object as a file of its own: the archive is the one of its size.
    const blobs = join(stateDir, "wrangler", "v3", "r2", "openclaw-cloud-backups", "blobs");
    const archives = [];
    for (const name of await readdir(blobs)) if ((await stat(join(blobs, name))).size === backup.bytes) archives.push(join(blobs, name));
    expect(archives.length).toBeGreaterThan(0);
    for (const archive of archives) await writeFile(archive, Buffer.alloc(backup.bytes, 0x2a));
    const [serving] = await tenantSandboxIds(stack, "tenant-b");

    const failed = await runtime("tenant-b", "/v1/backups/restore", { method: "POST", body: JSON.stringify({ id: backup.id }) });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect((await json<{ error: { code: string } }>(failed, failed.status)).error.code).toMatch(/^(restore_failed|gateway_start_failed)$/);
    expect(await json(await runtime("tenant-b", "/v1/tenant/status"))).toMatchObject({ state: "running" });
    expect(await tenantSandboxIds(stack, "tenant-b")).toEqual([serving]);
    expect(sessionsText((await json<{ result: unknown }>(await runtime("tenant-b", "/v1/sessions"))).result)).toContain("webchat-kept");
    expect((await chat("tenant-b", "still here", "webchat-kept")).text).toContain("still here");
  });

  // Random bytes do not compress: the archive is as big as the state. It passes between the
  // sandbox and R2 as a stream both ways (the Durable Object never holds it whole).
  it("backs up and restores a 200 MB state, byte for byte", { timeout: 600_000 }, async () => {
    const paddingIn = async () => join(await sandboxHome("tenant-a"), "openclaw", "workspace", "padding.bin");
    const padding = await paddingIn();
    const digest = await writeRandomFile(padding, 200 * 1024 * 1024);

    // A loaded machine has taken minutes over 200 MB: longer than fetch's 300 s wait for an answer's headers.
    const backup = await json<{ id: string; bytes: number }>(await runtime("tenant-a", "/v1/backups", { method: "POST", ...PATIENT }), 201);
    expect(backup.bytes).toBeGreaterThan(200 * 1024 * 1024);
    await rm(padding);

    const restored = await json(await runtime("tenant-a", "/v1/backups/restore", { method: "POST", body: JSON.stringify({ id: backup.id }), ...PATIENT }));
    expect(restored).toMatchObject({ state: "running" });
    const restoredPadding = await paddingIn();
    expect(restoredPadding).not.toBe(padding); // a new sandbox
    expect(await sha256File(restoredPadding)).toBe(digest);
    await rm(restoredPadding);
  });
});
