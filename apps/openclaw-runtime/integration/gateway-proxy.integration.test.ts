import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestNodeClient } from "@openclaw-cloud/gateway-rpc/testing";
import { startLocalStack, type LocalStack } from "@openclaw-cloud/local-stack";
import { runtimeRequest } from "./runtime-request.ts";

// The gateway proxy on the real stack (workerd, a real `openclaw gateway`): device tickets
// that belong to the first device, Control UI tickets that open once and become a cookie,
// and what neither grants.
let stack: LocalStack;
const TENANT = "tenant-proxy";
const stateDir = `${process.env.TMPDIR ?? "/tmp"}/occ-proxy-it-${process.pid}`;
/** Issued before the gateway starts, with the shortest lifetime, and used only after it ran out. */
const early: { device: Ticket | null; controlUi: Ticket | null } = { device: null, controlUi: null };

interface Ticket {
  ticket: string;
  expiresAt: string;
}

beforeAll(async () => {
  stack = await startLocalStack({ stateDir, runtimeVars: { GATEWAY_START_TIMEOUT_SECONDS: "150" } });
  early.device = await issue("device", 30);
  early.controlUi = await issue("control-ui", 30);
  await json(await runtime("/v1/tenant/provision", { method: "POST", body: JSON.stringify({ settings: stack.tenantSettings() }) }), 201);
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

function runtime(path: string, init: RequestInit = {}): Promise<Response> {
  return runtimeRequest(stack, TENANT, path, init);
}

async function json<T = Record<string, unknown>>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

function issue(purpose: "device" | "control-ui", ttlSeconds = 300): Promise<Ticket> {
  return runtime("/v1/gateway/tickets", { method: "POST", body: JSON.stringify({ purpose, ttlSeconds }) }).then((r) => json<Ticket>(r, 201));
}

const deviceUrl = (ticket: string) => `${stack.runtimeUrl.replace(/^http/, "ws")}/gateway/${TENANT}/?ticket=${encodeURIComponent(ticket)}`;
const controlUiUrl = (path = "/") => `${stack.runtimeUrl}/control-ui/${TENANT}${path}`;

/** Opens a WebSocket and settles with the first thing that happens: a gateway frame, a refusal, or a close. */
function openSocket(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers });
  const first = new Promise<{ frame?: string; status?: number; code?: string; close?: { code: number; reason: string } }>((resolve) => {
    socket.once("message", (data) => resolve({ frame: String(data) }));
    socket.once("unexpected-response", (_request, response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += String(chunk)));
      response.on("end", () => resolve({ status: response.statusCode, code: (JSON.parse(body) as { error: { code: string } }).error.code }));
    });
    socket.once("close", (code, reason) => resolve({ close: { code, reason: String(reason) } }));
    socket.once("error", () => {});
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
  return { socket, first, closed };
}

/** A connect frame that claims a device id (the gateway would check its key; the relay decides before that). */
function connectFrame(deviceId: string): string {
  return JSON.stringify({
    type: "req",
    id: "c1",
    method: "connect",
    params: {
      minProtocol: 3,
      maxProtocol: 4,
      client: { id: "node-host", mode: "node", version: "1", platform: "linux" },
      role: "node",
      device: { id: deviceId, publicKey: "x", signature: "y", signedAt: 1, nonce: "n" },
    },
  });
}

describe("the gateway proxy", () => {
  it("lets a device ticket pair the first device that connects with it, and no other", { timeout: 180_000 }, async () => {
    const { ticket } = await issue("device");
    const node = await startTestNodeClient({ url: deviceUrl(ticket), displayName: "proxy-it-node" });
    try {
      await node.waitForPairingRequired(120_000);
      const { pending } = await json<{ pending: Array<{ requestId: string; deviceId: string }> }>(await runtime("/v1/devices"));
      const request = pending.find((p) => p.deviceId === node.deviceId);
      expect(request).toBeDefined();
      await json(await runtime(`/v1/devices/${request!.requestId}/approve`, { method: "POST" }));
      // The node reconnects with the same ticket (as `openclaw node run` does) and is admitted.
      expect((await node.waitForConnected(60_000)).role).toBe("node");
    } finally {
      await node.stop();
    }

    // Another device with the same ticket gets the gateway's challenge, then is cut off at its connect.
    const other = openSocket(deviceUrl(ticket));
    expect((await other.first).frame).toContain("connect.challenge");
    other.socket.send(connectFrame("f".repeat(64)));
    expect(await other.closed).toEqual({ code: 1008, reason: "this ticket was already used; make a new link" });
    const { pending } = await json<{ pending: Array<{ deviceId: string }> }>(await runtime("/v1/devices"));
    expect(pending.map((p) => p.deviceId)).not.toContain("f".repeat(64));
  });

  it("carries JSON text frames only, within the gateway's own size caps", async () => {
    const { ticket } = await issue("device");
    const binary = openSocket(deviceUrl(ticket));
    await binary.first;
    binary.socket.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(1003);
    const oversized = openSocket(deviceUrl(ticket));
    await oversized.first;
    oversized.socket.send(connectFrame("e".repeat(70 * 1024)));
    expect((await oversized.closed).code).toBe(1009);
  });

  it("keeps device tickets off plain HTTP and away from other tenants", async () => {
    const { ticket } = await issue("device");
    expect(await errorCode(await fetch(deviceUrl(ticket).replace(/^ws/, "http")))).toBe("upgrade_required");
    expect((await openSocket(deviceUrl(ticket).replace(`/gateway/${TENANT}/`, "/gateway/tenant-other/")).first).status).toBe(401);
    // A Control UI ticket is no device ticket.
    expect((await openSocket(deviceUrl((await issue("control-ui")).ticket)).first).status).toBe(401);
  });

  it("opens the Control UI once per ticket, then serves its pages and WebSocket by the cookie only", async () => {
    const { ticket } = await issue("control-ui");
    const opened = await fetch(controlUiUrl(`/?ticket=${encodeURIComponent(ticket)}`), { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/");
    const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(await errorCode(await fetch(controlUiUrl(`/?ticket=${encodeURIComponent(ticket)}`), { redirect: "manual" }))).toBe("ticket_used");

    const page = await fetch(controlUiUrl("/"), { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("<script");
    expect(await errorCode(await fetch(controlUiUrl("/")))).toBe("unauthorized");
    // The gateway's operator APIs are not behind the cookie either.
    expect((await fetch(controlUiUrl("/tools/invoke"), { headers: { cookie } })).status).toBe(403);
    expect((await fetch(controlUiUrl("/v1/responses"), { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{}" })).status).toBe(405);

    const socket = openSocket(controlUiUrl("/").replace(/^http/, "ws"), { cookie });
    expect((await socket.first).frame).toContain("connect.challenge");
    socket.socket.close();
    expect((await openSocket(controlUiUrl("/").replace(/^http/, "ws")).first).status).toBe(401);
  });

  it("refuses tickets whose time ran out before their first use", async () => {
    const lastExpiry = Math.max(Date.parse(early.device!.expiresAt), Date.parse(early.controlUi!.expiresAt));
    if (Date.now() < lastExpiry) await new Promise((resolve) => setTimeout(resolve, lastExpiry - Date.now() + 50));
    expect(await openSocket(deviceUrl(early.device!.ticket)).first).toEqual({ status: 401, code: "ticket_expired" });
    expect(await errorCode(await fetch(controlUiUrl(`/?ticket=${encodeURIComponent(early.controlUi!.ticket)}`), { redirect: "manual" }))).toBe("ticket_expired");
  });
});
