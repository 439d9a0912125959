import { describe, expect, it } from "vitest";
import { generateDeviceKey, loadDeviceSigner } from "./device-identity.ts";
import { connectGatewayRpc } from "./gateway-rpc.ts";
import type { GatewayRpcError } from "./gateway-rpc-error.ts";
import type { WebSocketLike } from "./socket-adapter.ts";

/*
 * A scripted stand-in for the gateway's side of one socket, speaking the real frame
 * shapes. The real gateway is exercised in gateway-rpc.integration.test.ts; this one
 * covers the failure paths a real gateway will not produce on demand.
 */

type Frame = { type: string; id: string; method: string; params: any };
type Answer = { ok: true; payload: unknown } | { ok: false; error: { code: string; message: string; details?: unknown; retryable?: boolean; retryAfterMs?: number } } | "silence";

class ScriptedSocket implements WebSocketLike {
  readyState = 1;
  private readonly listeners = new Map<string, Array<(event: any) => void>>();
  private readonly answer: (frame: Frame) => Answer;
  constructor(answer: (frame: Frame) => Answer) {
    this.answer = answer;
  }

  addEventListener(type: string, listener: (event: any) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    const frame = JSON.parse(data) as Frame;
    const answer = this.answer(frame);
    if (answer === "silence") return;
    setTimeout(() => this.deliver({ type: "res", id: frame.id, ...answer }), 0);
  }
  close(code?: number, reason?: string): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    setTimeout(() => this.emit("close", { code: code ?? 1000, reason: reason ?? "" }), 0);
  }
  deliver(frame: unknown): void {
    this.emit("message", { data: JSON.stringify(frame) });
  }
  private emit(type: string, event: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const HELLO = {
  type: "hello-ok",
  protocol: 4,
  server: { version: "2026.9.6", connId: "conn-1" },
  features: { methods: [], events: [] },
  snapshot: { uptimeMs: 5_000 },
  auth: { method: "token", role: "operator", scopes: ["operator.admin"] },
  policy: { maxPayload: 1, maxBufferedBytes: 1, tickIntervalMs: 15_000 },
};

type Script = { connect?: (params: any, attempt: number) => Answer; methods?: Record<string, (params: any) => Answer>; challenge?: boolean };

function fakeGateway(script: Script = {}) {
  const connects: any[] = [];
  const sockets: ScriptedSocket[] = [];
  const openSocket = async () => {
    const socket = new ScriptedSocket((frame) => {
      if (frame.method === "connect") {
        connects.push(frame.params);
        return script.connect?.(frame.params, connects.length) ?? { ok: true, payload: HELLO };
      }
      const handler = script.methods?.[frame.method];
      return handler ? handler(frame.params) : { ok: false, error: { code: "INVALID_REQUEST", message: `unknown method: ${frame.method}` } };
    });
    sockets.push(socket);
    if (script.challenge !== false) setTimeout(() => socket.deliver({ type: "event", event: "connect.challenge", payload: { nonce: "nonce-1", ts: 1_795_000_000_000 } }), 0);
    return socket;
  };
  return { openSocket, connects, sockets };
}

async function rejection(promise: Promise<unknown>): Promise<GatewayRpcError> {
  try {
    await promise;
  } catch (error) {
    return error as GatewayRpcError;
  }
  throw new Error("expected a rejection");
}

describe("connectGatewayRpc", () => {
  it("connects as the local backend operator with the shared token", async () => {
    const gateway = fakeGateway({ methods: { health: () => ({ ok: true, payload: { ok: true } }) } });
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok" });
    expect(gateway.connects[0]).toMatchObject({ client: { id: "gateway-client", mode: "backend" }, role: "operator", auth: { token: "tok" } });
    expect(gateway.connects[0].device).toBeUndefined();
    const status = await rpc.status();
    expect(status).toMatchObject({ version: "2026.9.6", healthy: true });
    expect(status.uptimeMs).toBeGreaterThanOrEqual(5_000);
    expect(rpc.isOpen()).toBe(true);
    rpc.close();
  });

  it("signs the challenge with a stored device key when given one", async () => {
    const key = await generateDeviceKey();
    const gateway = fakeGateway();
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok", device: key });
    const signer = await loadDeviceSigner(key);
    expect(gateway.connects[0].device).toMatchObject({ id: signer.deviceId, publicKey: signer.publicKey, nonce: "nonce-1", signedAt: 1_795_000_000_000 });
    rpc.close();
  });

  it("maps device pairing calls and their replies", async () => {
    const pending = { requestId: "r1", deviceId: "d1", role: "node", ts: 7 };
    const gateway = fakeGateway({
      methods: {
        "device.pair.list": () => ({ ok: true, payload: { pending: [pending], paired: [] } }),
        "device.pair.approve": (params) =>
          params.requestId === "r1"
            ? { ok: true, payload: { requestId: "r1", device: { deviceId: "d1", roles: ["node"], approvedAtMs: 9 } } }
            : { ok: false, error: { code: "INVALID_REQUEST", message: "unknown requestId" } },
        "device.pair.reject": () => ({ ok: true, payload: { requestId: "r2", deviceId: "d2" } }),
      },
    });
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok" });
    expect(await rpc.listDevicePairing()).toEqual({ pending: [{ requestId: "r1", deviceId: "d1", roles: ["node"], scopes: [], isRepair: false, requestedAt: 7 }], paired: [] });
    expect(await rpc.approveDevicePairing("r1")).toEqual({ deviceId: "d1", roles: ["node"], scopes: [], approvedAt: 9, connected: false });
    expect(await rejection(rpc.approveDevicePairing("nope"))).toMatchObject({ code: "not_found", gatewayCode: "INVALID_REQUEST" });
    expect(await rpc.rejectDevicePairing("r2")).toEqual({ requestId: "r2", deviceId: "d2" });
    rpc.close();
  });

  it("maps DM pairing calls and a vanished request to not_found", async () => {
    const gateway = fakeGateway({
      methods: {
        "channels.pairing.list": () => ({ ok: true, payload: { accounts: [], requests: [], commandOwnerConfigured: false, limits: { pendingPerAccount: 3, ttlMs: 1 } } }),
        "channels.pairing.approve": () => ({ ok: false, error: { code: "INVALID_REQUEST", message: "pending DM access request no longer exists" } }),
      },
    });
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok" });
    expect(await rpc.listDmPairing({ channel: "telegram" })).toEqual({ accounts: [], requests: [] });
    expect(await rejection(rpc.approveDmPairing({ channel: "telegram", accountId: "default", requestId: "x" }))).toMatchObject({ code: "not_found" });
    rpc.close();
  });

  it("mints node setup codes by default and full ones without a bootstrap profile", async () => {
    const seen: any[] = [];
    const gateway = fakeGateway({
      methods: {
        "device.pair.setupCode": (params) => {
          seen.push(params);
          return { ok: true, payload: { setupCode: "c2V0dXA=", gatewayUrl: params.publicUrl, auth: "token", urlSource: "request.publicUrl", access: "node", expiresAtMs: 5 } };
        },
      },
    });
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok" });
    expect(await rpc.createSetupCode({ publicUrl: "wss://relay.example/gateway/t1" })).toEqual({
      setupCode: "c2V0dXA=",
      gatewayUrl: "wss://relay.example/gateway/t1",
      access: "node",
      expiresAt: 5,
    });
    await rpc.createSetupCode({ publicUrl: "wss://relay.example/gateway/t1", access: "full" });
    expect(seen).toEqual([
      { publicUrl: "wss://relay.example/gateway/t1", includeQr: false, bootstrapProfile: "node" },
      { publicUrl: "wss://relay.example/gateway/t1", includeQr: false },
    ]);
    rpc.close();
  });

  it("reports a reply of the wrong shape as bad_response", async () => {
    const gateway = fakeGateway({ methods: { "device.pair.list": () => ({ ok: true, payload: { pending: "nope" } }) } });
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok" });
    expect(await rejection(rpc.listDevicePairing())).toMatchObject({ code: "bad_response" });
    rpc.close();
  });

  it("times out a call the gateway never answers and gives up the connection", async () => {
    const gateway = fakeGateway({ methods: { "device.pair.list": () => "silence" } });
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok", timeoutMs: 100 });
    expect(await rejection(rpc.listDevicePairing())).toMatchObject({ code: "timeout" });
    expect(rpc.isOpen()).toBe(false);
    expect(await rejection(rpc.listDevicePairing())).toMatchObject({ code: "unavailable" });
  });

  it("rejects a wrong token as unauthorized", async () => {
    const gateway = fakeGateway({
      connect: () => ({ ok: false, error: { code: "INVALID_REQUEST", message: "unauthorized: gateway token mismatch", details: { code: "AUTH_TOKEN_MISMATCH" } } }),
    });
    expect(await rejection(connectGatewayRpc({ openSocket: gateway.openSocket, token: "wrong" }))).toMatchObject({ code: "unauthorized" });
    expect(gateway.sockets).toHaveLength(1);
  });

  it("surfaces a pending pairing of its own device as pairing_required with the request id", async () => {
    const details = { code: "PAIRING_REQUIRED", requestId: "req-9" };
    const gateway = fakeGateway({ connect: () => ({ ok: false, error: { code: "NOT_PAIRED", message: "pairing required", details } }) });
    expect(await rejection(connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok", device: await generateDeviceKey() }))).toMatchObject({
      code: "pairing_required",
      details,
    });
  });

  it("retries while the gateway reports it is still starting, then connects", async () => {
    const starting = { ok: false as const, error: { code: "UNAVAILABLE", message: "gateway starting", details: { reason: "startup-sidecars" }, retryable: true, retryAfterMs: 20 } };
    const gateway = fakeGateway({ connect: (_params, attempt) => (attempt < 3 ? starting : { ok: true, payload: HELLO }) });
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok" });
    expect(gateway.sockets).toHaveLength(3);
    rpc.close();
  });

  it("times out a handshake whose challenge never comes", async () => {
    const gateway = fakeGateway({ challenge: false });
    const started = Date.now();
    expect(await rejection(connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok", timeoutMs: 150 }))).toMatchObject({ code: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("reports a socket that cannot be opened as unavailable", async () => {
    const openSocket = () => Promise.reject(new Error("connection refused"));
    expect(await rejection(connectGatewayRpc({ openSocket, token: "tok", timeoutMs: 500 }))).toMatchObject({ code: "unavailable" });
  });

  it("fails calls with unavailable once the gateway hangs up, and never reconnects", async () => {
    const gateway = fakeGateway({ methods: { "device.pair.list": () => "silence" } });
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok" });
    const pendingCall = rpc.listDevicePairing();
    gateway.sockets[0]!.close(1012, "service restart");
    expect(await rejection(pendingCall)).toMatchObject({ code: "unavailable" });
    expect(rpc.isOpen()).toBe(false);
    expect(await rejection(rpc.status())).toMatchObject({ code: "unavailable" });
    expect(gateway.sockets).toHaveLength(1);
  });

  it("fails calls with unavailable after close()", async () => {
    const gateway = fakeGateway();
    const rpc = await connectGatewayRpc({ openSocket: gateway.openSocket, token: "tok" });
    rpc.close();
    expect(rpc.isOpen()).toBe(false);
    expect(await rejection(rpc.listDevicePairing())).toMatchObject({ code: "unavailable" });
  });
});
