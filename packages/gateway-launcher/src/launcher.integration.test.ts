import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GatewaySettingsSchema, type GatewaySettingsInput } from "@openclaw-cloud/contracts";
import { buildGatewayLaunch } from "@openclaw-cloud/gateway-config";
import { DEFAULT_MODEL, startModelServer, type ModelServer } from "@openclaw-cloud/model-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOpenclaw, runOpenclaw } from "./openclaw-cli.ts";

/**
 * The launcher end to end with the real `openclaw` under Node 24: start a gateway against the
 * repo's model server, chat over /v1/responses, read the session over /tools/invoke, back up
 * while running, wipe the state and start again from the archive.
 */

const LAUNCHER = fileURLToPath(new URL("./main.ts", import.meta.url));
const GATEWAY_TOKEN = randomBytes(24).toString("hex");
const MODEL_KEY = `sk-${randomBytes(12).toString("hex")}`;
/** The platform's own session key for a chat thread; OpenClaw stores it as `agent:main:<key>`. */
const THREAD_KEY = "web-thread-1";
const STORED_KEY = `agent:main:${THREAD_KEY}`;
const READY_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 180_000;

let model: ModelServer;
let home: string;
let port: number;
const started = new Set<number>();

beforeAll(async () => {
  model = await startModelServer({ apiKey: MODEL_KEY });
  home = await mkdtemp(join(tmpdir(), "launcher-it-"));
  port = await freePort();
});

afterAll(async () => {
  for (const pid of started) killTree(pid);
  await model?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

function settings(): GatewaySettingsInput {
  return {
    agent: { name: "Molty", persona: "Terse and precise." },
    model: { provider: "openai-compatible", model: DEFAULT_MODEL, baseUrl: `${model.url}/v1`, apiKey: MODEL_KEY },
    allowedOrigins: ["http://localhost:5173"],
  };
}

function launcherEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    SANDBOX_HOME: home,
    GATEWAY_PORT: String(port),
    OPENCLAW_CLOUD_SETTINGS: JSON.stringify(settings()),
    OPENCLAW_CLOUD_GATEWAY_TOKEN: GATEWAY_TOKEN,
  };
}

type Gateway = { child: ChildProcess; output: () => string };

/** `openclaw-cloud-gateway start` in its own process group; resolves once /readyz answers 200. */
async function startGateway(): Promise<Gateway> {
  const child = spawn(process.execPath, [LAUNCHER, "start"], { env: launcherEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  started.add(child.pid as number);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${output}`);
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { child, output: () => output };
    await sleep(200);
  }
  throw new Error(`gateway not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
}

/** SIGTERM to the gateway alone (it drains and stops its helpers), SIGKILL for stragglers. */
async function stopGateway(gateway: Gateway): Promise<void> {
  const pid = gateway.child.pid as number;
  if (gateway.child.exitCode === null) {
    const exited = new Promise((resolve) => gateway.child.once("exit", resolve));
    process.kill(pid, "SIGTERM");
    await Promise.race([exited, sleep(30_000)]);
  }
  killTree(pid);
  started.delete(pid);
}

/** Kills a process, its process group and every descendant (OpenClaw's spawn broker runs in its own session). */
function killTree(pid: number): void {
  const table = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) for (const [child, parent] of table) if (parent === pids[i]) pids.push(child);
  for (const target of [-pid, ...pids]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

function runLauncher(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], { env: launcherEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const authorized = { authorization: `Bearer ${GATEWAY_TOKEN}`, "content-type": "application/json" };

/** One streamed /v1/responses turn; returns the SSE event types and the streamed text. */
async function respond(input: string, sessionKey: string): Promise<{ events: string[]; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/v1/responses`, {
    method: "POST",
    headers: { ...authorized, "x-openclaw-session-key": sessionKey },
    body: JSON.stringify({ model: "openclaw", stream: true, input }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const events: string[] = [];
  let text = "";
  for (const frame of (await response.text()).split("\n\n")) {
    const event = /^event: (.+)$/m.exec(frame)?.[1];
    const data = /^data: (.+)$/m.exec(frame)?.[1];
    if (!event || !data) continue;
    events.push(event);
    if (event === "response.output_text.delta") text += (JSON.parse(data) as { delta: string }).delta;
  }
  return { events, text };
}

async function invokeTool<T>(tool: string, args: Record<string, unknown>): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}/tools/invoke`, { method: "POST", headers: authorized, body: JSON.stringify({ tool, args }) });
  const body = (await response.json()) as { ok: boolean; result?: { details: T } };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.result?.details as T;
}

type SessionList = { count: number; sessions: Array<{ key: string; agentId: string; status: string }> };
type SessionHistory = { sessionKey: string; messages: Array<{ role: string; content: unknown }> };

const historyTexts = (history: SessionHistory) =>
  history.messages.map((m) => `${m.role}: ${typeof m.content === "string" ? m.content : (m.content as Array<{ text?: string }>).map((p) => p.text).join("")}`);

describe("openclaw-cloud-gateway with a real gateway", () => {
  let gateway: Gateway;
  let backup: { path: string; bytes: number; sha256: string; createdAt: string; openclawVersion: string; verified: boolean };

  it("starts a fresh gateway that reports ready on /readyz", { timeout: STEP_TIMEOUT_MS }, async () => {
    gateway = await startGateway();
    expect(gateway.output()).toContain("state is fresh: starting empty");
    expect(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json())).toEqual({ ok: true, status: "live" });
    expect((await fetch(`http://127.0.0.1:${port}/v1/responses`, { method: "POST", body: "{}" })).status).toBe(401);
    expect(gateway.output()).not.toContain(MODEL_KEY);
    expect(gateway.output()).not.toContain(GATEWAY_TOKEN);
  });

  it("streams a /v1/responses turn and continues the session by x-openclaw-session-key", { timeout: STEP_TIMEOUT_MS }, async () => {
    const first = await respond("hello gateway", THREAD_KEY);
    expect(first.events[0]).toBe("response.created");
    expect(first.events).toContain("response.output_text.delta");
    expect(first.events.at(-1)).toBe("response.completed");
    // The model server echoes the user turn, which OpenClaw prefixes with a timestamp.
    expect(first.text).toMatch(/^Echo: .*hello gateway/);
    // The stored key works too: both name the same session.
    expect((await respond("second turn", STORED_KEY)).text).toMatch(/^Echo: .*second turn/);
  });

  it("lists the session and its history over /tools/invoke", { timeout: STEP_TIMEOUT_MS }, async () => {
    const list = await invokeTool<SessionList>("sessions_list", {});
    expect(list.sessions.map((s) => s.key)).toEqual([STORED_KEY]);
    const history = await invokeTool<SessionHistory>("sessions_history", { sessionKey: THREAD_KEY });
    expect(history.sessionKey).toBe(STORED_KEY);
    expect(historyTexts(history)).toEqual([
      "user: hello gateway",
      expect.stringMatching(/^assistant: Echo: .*hello gateway/),
      "user: second turn",
      expect.stringMatching(/^assistant: Echo: .*second turn/),
    ]);
  });

  it("backs up while the gateway runs and refuses an explicit restore", { timeout: STEP_TIMEOUT_MS }, async () => {
    const result = await runLauncher(["backup", "--output", "backups/it.tar.gz"]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    backup = JSON.parse(lines[0] as string);
    const archive = await readFile(join(home, "backups/it.tar.gz"));
    expect(backup).toMatchObject({ path: "backups/it.tar.gz", bytes: archive.length, verified: true, openclawVersion: resolveOpenclaw().version });
    expect(backup.sha256).toBe(createHash("sha256").update(archive).digest("hex"));
    expect(Date.parse(backup.createdAt)).toBeGreaterThan(Date.now() - 120_000);

    const refused = await runLauncher(["restore", "--input", "backups/it.tar.gz"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`a gateway is listening on port ${port}`);
  });

  it("restores restore/latest.tar.gz into a wiped state directory on start", { timeout: STEP_TIMEOUT_MS }, async () => {
    await stopGateway(gateway);
    await rm(join(home, "openclaw"), { recursive: true, force: true });
    await mkdir(join(home, "restore"), { recursive: true });
    await copyFile(join(home, backup.path), join(home, "restore/latest.tar.gz"));

    gateway = await startGateway();
    expect(gateway.output()).toContain("state is fresh: restoring restore/latest.tar.gz");
    const list = await invokeTool<SessionList>("sessions_list", {});
    expect(list.sessions.map((s) => s.key)).toEqual([STORED_KEY]);
    const history = await invokeTool<SessionHistory>("sessions_history", { sessionKey: STORED_KEY });
    expect(historyTexts(history)).toHaveLength(4);
    expect((await respond("after restore", THREAD_KEY)).text).toMatch(/^Echo: .*after restore/);
  });

  it("keeps existing state on the next start and restores a named archive when stopped", { timeout: STEP_TIMEOUT_MS }, async () => {
    await stopGateway(gateway);
    const restored = await runLauncher(["restore", "--input", backup.path]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ path: backup.path, createdAt: backup.createdAt, openclawVersion: backup.openclawVersion });

    gateway = await startGateway();
    expect(gateway.output()).toContain("keeping the existing state");
    const history = await invokeTool<SessionHistory>("sessions_history", { sessionKey: THREAD_KEY });
    expect(historyTexts(history)).toHaveLength(4); // the turn after the first restore is gone again
    await stopGateway(gateway);
  });
});

describe("generated configs", () => {
  const variants: Record<string, GatewaySettingsInput> = {
    "anthropic with Telegram": {
      model: { provider: "anthropic", model: "claude-sonnet-4-5", apiKey: "sk-ant-test-0123456789" },
      channels: { telegram: { botToken: "123456789:telegram-test-token" } },
      allowedOrigins: ["https://app.example.com"],
    },
    "openai behind a proxy with memory": {
      model: { provider: "openai", model: "gpt-5.1", baseUrl: "https://proxy.example.com/v1", apiKey: "sk-test-0123456789" },
      plugins: ["memory-core"],
      httpEndpoints: { responses: true, chatCompletions: true },
    },
    "openai-compatible without a key": { model: { provider: "openai-compatible", model: "llama", baseUrl: "http://127.0.0.1:8000/v1" } },
  };

  it.each(Object.entries(variants))("%s pass `openclaw config validate`", { timeout: 60_000 }, async (_, input) => {
    const stateDir = await mkdtemp(join(tmpdir(), "launcher-config-"));
    try {
      const launch = buildGatewayLaunch(GatewaySettingsSchema.parse(input), { gatewayPort: 18789, stateDir, gatewayToken: GATEWAY_TOKEN });
      await writeFile(join(stateDir, "openclaw.json"), JSON.stringify(launch.config));
      const env = { PATH: process.env.PATH ?? "", HOME: stateDir, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_CONFIG_PATH: join(stateDir, "openclaw.json"), ...launch.env };
      const result = await runOpenclaw(resolveOpenclaw(), ["config", "validate", "--json"], env, stateDir);
      expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, warnings: [] });
    } finally {
      await rm(stateDir, { recursive: true, force: true });
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A free port in 19000-19999, the range this machine sets aside for experiments. */
async function freePort(): Promise<number> {
  for (;;) {
    const candidate = 19000 + Math.floor(Math.random() * 1000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer().once("error", () => resolve(false));
      server.listen(candidate, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return candidate;
  }
}
