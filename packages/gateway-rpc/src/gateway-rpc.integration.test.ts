import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket as WsWebSocket, WebSocketServer } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { injectSharedAuth, scrubSharedSecret } from "./connect-frame.ts";
import { generateDeviceKey, loadDeviceSigner } from "./device-identity.ts";
import { connectGatewayRpc } from "./gateway-rpc.ts";
import type { GatewayRpc } from "./gateway-rpc.ts";
import type { GatewayRpcError } from "./gateway-rpc-error.ts";
import { relayUpstreamHeaders } from "./relay-headers.ts";
import { startTestNodeClient } from "./testing/index.ts";
import type { TestNodeClient } from "./testing/index.ts";

/*
 * A real `openclaw gateway` (token auth, loopback), our RPC over Node's global WebSocket,
 * and a small relay standing in for the Durable Object relay: it injects the shared
 * secret with injectSharedAuth, sends X-Forwarded-For (relayUpstreamHeaders), and scrubs
 * gateway frames. Real OpenClaw node clients reach the gateway only through it.
 */

const TOKEN = `itest-${crypto.randomUUID()}`;
const OPENCLAW_ENTRY = fileURLToPath(new URL("../../../node_modules/openclaw/openclaw.mjs", import.meta.url));

type Gateway = { url: string; process: ChildProcess; dir: string };
type Relay = { url: string; server: Server; gatewayFramesWithToken: number };

let gateway: Gateway;
let relay: Relay;
let rpc: GatewayRpc;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

/** Node 24's global WebSocket, as the workerd code path would get from fetch(). */
function openWebSocket(url: string) {
  return async () => new WebSocket(url);
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = 19000 + Math.floor(Math.random() * 1000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createNetServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

async function startGateway(): Promise<Gateway> {
  const dir = await mkdtemp(join(tmpdir(), "gateway-rpc-it-"));
  const port = await freePort();
  const config = {
    gateway: {
      mode: "local",
      port,
      bind: "loopback",
      auth: { mode: "token", token: TOKEN },
      // The relay connects from loopback and says so with X-Forwarded-For.
      trustedProxies: ["127.0.0.1"],
    },
    plugins: { allow: ["device-pair"], slots: { memory: "none" } },
    update: { checkOnStart: false },
    discovery: { mdns: { mode: "off" } },
    logging: { file: join(dir, "openclaw.log") },
  };
  await writeFile(join(dir, "openclaw.json"), JSON.stringify(config));
  const log = openSync(join(dir, "stdout.log"), "w");
  const child = spawn(process.execPath, [OPENCLAW_ENTRY, "gateway", "run", "--port", String(port)], {
    detached: true, // its own process group, killed as a whole in afterAll
    stdio: ["ignore", log, log],
    env: { ...process.env, HOME: dir, OPENCLAW_STATE_DIR: dir, OPENCLAW_CONFIG_PATH: join(dir, "openclaw.json") },
  });
  return { url: `ws://127.0.0.1:${port}`, process: child, dir };
}

async function stopGateway(target: Gateway): Promise<void> {
  const pid = target.process.pid;
  if (pid === undefined) return;
  const exited = new Promise<void>((resolve) => (target.process.exitCode !== null ? resolve() : target.process.once("exit", () => resolve())));
  signalGroup(pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  signalGroup(pid, "SIGKILL"); // whatever is left of the group (workers, brokers)
  await rm(target.dir, { recursive: true, force: true });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

/** Connects once the gateway accepts connections; it takes ~10 s from spawn. */
async function connectWhenReady(url: string): Promise<GatewayRpc> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      return await connectGatewayRpc({ openSocket: openWebSocket(url), token: TOKEN, timeoutMs: 5_000 });
    } catch (error) {
      // A booting gateway on a busy machine may accept the socket and answer the handshake late.
      const notYet = ["unavailable", "timeout"].includes((error as GatewayRpcError).code);
      if (!notYet || Date.now() > deadline || gateway.process.exitCode !== null) {
        const output = await readFile(join(gateway.dir, "stdout.log"), "utf8").catch(() => "");
        throw new Error(`gateway did not come up: ${String(error)}\n${output.slice(-2_000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** The Durable Object relay in miniature. `rewriteClientFrame` is the policy under test. */
async function startRelay(gatewayUrl: string, rewriteClientFrame: (frame: string) => string): Promise<Relay> {
  const server = createServer();
  const relayState: Relay = { url: "", server, gatewayFramesWithToken: 0 };
  new WebSocketServer({ server }).on("connection", (client, request) => {
    const upstream = new WsWebSocket(gatewayUrl, { headers: relayUpstreamHeaders(request.socket.remoteAddress) });
    const queued: Array<string | Buffer> = [];
    client.on("message", (data: Buffer, isBinary) => {
      const frame = isBinary ? data : rewriteClientFrame(data.toString());
      if (upstream.readyState === WsWebSocket.OPEN) upstream.send(frame);
      else queued.push(frame);
    });
    upstream.on("open", () => {
      for (const frame of queued.splice(0)) upstream.send(frame);
    });
    upstream.on("message", (data: Buffer, isBinary) => {
      if (isBinary) return client.send(data);
      const text = data.toString();
      if (text.includes(TOKEN)) relayState.gatewayFramesWithToken += 1;
      client.send(scrubSharedSecret(text, TOKEN));
    });
    const closeBoth = (code: number, reason: string) => {
      const sendable = code === 1000 || (code >= 3000 && code <= 4999) || (code >= 1001 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006);
      for (const socket of [client, upstream]) if (socket.readyState <= WsWebSocket.OPEN) socket.close(sendable ? code : 1011, reason.slice(0, 120));
    };
    client.on("close", (code, reason) => closeBoth(code, reason.toString()));
    upstream.on("close", (code, reason) => closeBoth(code, reason.toString()));
    upstream.on("error", () => closeBoth(1011, "gateway unreachable"));
    client.on("error", () => closeBoth(1011, "client error"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  relayState.url = `ws://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return relayState;
}

async function startNode(url: string, displayName: string, setupCode?: string): Promise<TestNodeClient> {
  const node = await startTestNodeClient({ url, displayName, ...(setupCode ? { setupCode } : {}) });
  cleanups.push(() => node.stop());
  return node;
}

async function rejection(promise: Promise<unknown>): Promise<GatewayRpcError> {
  try {
    await promise;
  } catch (error) {
    return error as GatewayRpcError;
  }
  throw new Error("expected a rejection");
}

async function eventually<T>(read: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("gateway RPC and device relay against a real OpenClaw gateway", () => {
  beforeAll(async () => {
    gateway = await startGateway();
    rpc = await connectWhenReady(gateway.url);
    relay = await startRelay(gateway.url, (frame) => injectSharedAuth(frame, TOKEN));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
    rpc?.close();
    if (gateway) await stopGateway(gateway);
  });

  it("reports status over Node's global WebSocket", async () => {
    const status = await rpc.status();
    expect(status.version).toBe("2026.9.6");
    expect(status.healthy).toBe(true);
    expect(status.uptimeMs).toBeGreaterThan(0);
  });

  it("holds a new node for pairing, approves it quickly, then admits it, without the node ever seeing the token", async () => {
    const node = await startNode(relay.url, "relay node");
    const { requestId } = await node.waitForPairingRequired();

    const started = performance.now();
    const { pending } = await rpc.listDevicePairing();
    const request = pending.find((entry) => entry.deviceId === node.deviceId);
    expect(request).toMatchObject({ requestId, roles: ["node"], clientId: "node-host", displayName: "relay node" });
    // The relay's X-Forwarded-For (loopback client => 192.0.2.0) made the pairing remote.
    expect(request?.remoteIp).toBe("192.0.2.0");
    const approved = await rpc.approveDevicePairing(requestId);
    const listAndApproveMs = performance.now() - started;
    console.log(`device pairing list+approve: ${listAndApproveMs.toFixed(1)} ms`);
    expect(approved).toMatchObject({ deviceId: node.deviceId, roles: ["node"] });

    expect(await node.waitForConnected()).toEqual({ role: "node", scopes: [], receivedDeviceToken: true });
    const { paired } = await rpc.listDevicePairing();
    expect(paired.find((device) => device.deviceId === node.deviceId)).toMatchObject({ roles: ["node"], connected: true });
    expect(relay.gatewayFramesWithToken).toBe(0);
  });

  it("rejects another pending request", async () => {
    const node = await startNode(relay.url, "unwanted node");
    const { requestId } = await node.waitForPairingRequired();
    expect(await rpc.rejectDevicePairing(requestId)).toEqual({ requestId, deviceId: node.deviceId });
    const { pending, paired } = await rpc.listDevicePairing();
    expect(pending.some((entry) => entry.deviceId === node.deviceId)).toBe(false);
    expect(paired.some((device) => device.deviceId === node.deviceId)).toBe(false);
  });

  it("answers not_found for an unknown request id", async () => {
    expect(await rejection(rpc.approveDevicePairing("no-such-request"))).toMatchObject({ code: "not_found" });
    expect(await rejection(rpc.rejectDevicePairing("no-such-request"))).toMatchObject({ code: "not_found" });
  });

  it.each([
    ["forwards the connect untouched", (frame: string) => frame, "AUTH_TOKEN_MISSING"],
    [
      "injects the token as auth.token",
      (frame: string) => {
        const parsed = JSON.parse(frame);
        if (parsed.method === "connect") parsed.params.auth = { token: TOKEN };
        return JSON.stringify(parsed);
      },
      "DEVICE_AUTH_SIGNATURE_INVALID",
    ],
  ])("refuses a node when the relay %s", async (_label, rewrite, expectedCode) => {
    const other = await startRelay(gateway.url, rewrite);
    const node = await startNode(other.url, "refused node");
    const error = await eventually(() => node.connectErrors[0]);
    // Stop its retries now: repeated auth failures from the relay would trip the rate limiter.
    await node.stop();
    expect((error as { details?: { code?: string } }).details?.code).toBe(expectedCode);
    expect((await rpc.listDevicePairing()).pending.some((entry) => entry.deviceId === node.deviceId)).toBe(false);
  });

  it("admits a node that brings a setup code through the relay, without an approval step", async () => {
    const code = await rpc.createSetupCode({ publicUrl: relay.url });
    expect(code).toMatchObject({ gatewayUrl: relay.url, access: "node" });
    const node = await startNode(relay.url, "setup-code node", code.setupCode);
    expect(await node.waitForConnected()).toEqual({ role: "node", scopes: [], receivedDeviceToken: true });
    expect((await rpc.listDevicePairing()).paired.find((device) => device.deviceId === node.deviceId)).toMatchObject({ roles: ["node"] });
    expect(relay.gatewayFramesWithToken).toBe(0);
  });

  it("needs a paired device identity when the gateway sees the RPC as remote", async () => {
    const viaRelay = openWebSocket(relay.url);
    // Device-less through a proxy: admitted, but with every scope cleared.
    const deviceless = await connectGatewayRpc({ openSocket: viaRelay, token: TOKEN });
    cleanups.push(() => deviceless.close());
    expect(await rejection(deviceless.listDevicePairing())).toMatchObject({ code: "forbidden" });

    // With a stored key: one approval over the local path, then operator.admin from anywhere.
    const key = await generateDeviceKey();
    const first = await rejection(connectGatewayRpc({ openSocket: viaRelay, token: TOKEN, device: key }));
    expect(first.code).toBe("pairing_required");
    await rpc.approveDevicePairing((first.details as { requestId: string }).requestId);
    const remote = await connectGatewayRpc({ openSocket: viaRelay, token: TOKEN, device: key });
    cleanups.push(() => remote.close());
    const { deviceId } = await loadDeviceSigner(key);
    expect((await remote.listDevicePairing()).paired.find((device) => device.deviceId === deviceId)).toMatchObject({ roles: ["operator"], scopes: ["operator.admin"] });
  });

  it("lists DM pairing requests (none without chat channels) and reports unknown targets as not_found", async () => {
    expect(await rpc.listDmPairing()).toEqual({ accounts: [], requests: [] });
    expect(await rejection(rpc.approveDmPairing({ channel: "telegram", accountId: "default", requestId: "nope" }))).toMatchObject({ code: "not_found" });
  });
});
