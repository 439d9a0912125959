import { connectDeviceId, injectSharedAuth, relayUpstreamHeaders, scrubSharedSecret } from "@openclaw-cloud/gateway-rpc";
import { RuntimeError } from "../http/errors.ts";
import { PROXY_PASS_HEADER, proxyPass } from "../http/proxy-ticket.ts";
import type { GatewayTenant } from "../tenant.ts";
import { callGateway, gatewayRequest } from "./gateway-http.ts";
import { openGatewaySocket } from "./gateway-socket.ts";

/** Strips the public `/gateway/<tenant>` prefix: the gateway itself serves from `/`. */
export function gatewayPath(url: URL, tenantId: string): string {
  const prefix = `/gateway/${tenantId}`;
  const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
  return `${rest.startsWith("/") ? rest : `/${rest}`}${url.search}`;
}

/** The gateway's own frame caps (MAX_PREAUTH_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES), in characters: before and after `connect`. */
const MAX_PREAUTH_FRAME_CHARS = 64 * 1024;
const MAX_FRAME_CHARS = 25 * 1024 * 1024;

/**
 * The proxy for a tenant's own devices and the Control UI, behind a pass the runtime worker
 * verified: a `device` ticket (WebSocket only; the first device to connect with it claims
 * it, gateway/ticket-ledger.ts) or a `control-ui-session` cookie (the Control UI's pages,
 * assets and WebSocket).
 * WebSocket connections are relayed frame by frame, text only (the gateway protocol is JSON
 * text; a binary frame closes the relay), within the gateway's own size caps: a device's
 * `connect` request gets the gateway's shared secret injected (see gateway-rpc's
 * connect-frame), so the device goes through OpenClaw's normal pairing without ever seeing
 * that secret, and every gateway frame is scrubbed of it on the way back. The upstream
 * request carries X-Forwarded-For so the gateway treats the device as remote (pairing needs
 * approval) rather than local.
 * Plain HTTP is for the Control UI's pages and assets only (controlUiRequest): reads, off
 * the gateway's API paths, and without the gateway's token, so a pass grants no operator
 * call (`/tools/invoke`, `/v1/*`) that pairing, reserved session keys and billing would not see.
 */
export async function relayGatewaySocket(runtime: GatewayTenant, request: Request): Promise<Response> {
  const tenantId = request.headers.get("x-oa-tenant-id") ?? "";
  const pass = proxyPass(request.headers.get(PROXY_PASS_HEADER), ["device", "control-ui-session"]);
  const path = gatewayPath(new URL(request.url), tenantId);
  const upgrade = request.headers.get("upgrade")?.toLowerCase() === "websocket";
  if (pass.purpose === "device") {
    if (!upgrade) throw new RuntimeError("upgrade_required", 426, "this path carries the gateway's WebSocket for devices; the Control UI has a link of its own");
    await runtime.tickets.admitDevice(pass);
  }
  if (!upgrade) {
    controlUiRequest(request.method, path);
    const headers: Record<string, string> = {};
    for (const name of ["accept", "accept-language", "if-none-match", "if-modified-since"]) {
      const value = request.headers.get(name);
      if (value) headers[name] = value;
    }
    const upstream = await runtime.withGateway((driver) => callGateway(driver, gatewayRequest(path, undefined, { method: request.method, headers })));
    return new Response(upstream.body, { status: upstream.status, headers: withoutHopHeaders(upstream.headers) });
  }

  const driver = await runtime.ensureRunning();
  const origin = request.headers.get("origin");
  const forwarded = relayUpstreamHeaders(request.headers.get("cf-connecting-ip"));
  const upstream = await openGatewaySocket(driver, path, origin ? { ...forwarded, origin } : forwarded).catch((error: unknown) => {
    runtime.waitUntil(runtime.gatewayBroke(error));
    throw error instanceof RuntimeError ? error : new RuntimeError("gateway_unavailable", 502, "gateway did not accept the connection");
  });
  const pair = new WebSocketPair();
  const [client, server] = [pair[0], pair[1]];
  server.accept();
  const release = runtime.hold();
  const token = runtime.gatewayToken;

  let closed = false;
  const closeBoth = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    release();
    const safeCode = code === 1005 || code === 1006 || code < 1000 ? 1011 : code;
    for (const socket of [server, upstream]) {
      try {
        socket.close(safeCode, reason.slice(0, 120));
      } catch {
        // already closed
      }
    }
  };

  // Client frames go up in order; a device's first frame (its `connect`) must first claim the ticket.
  let connected = false;
  let sending: Promise<void> = Promise.resolve();
  const forward = async (frame: string) => {
    if (!connected && pass.purpose === "device") {
      const deviceId = connectDeviceId(frame);
      if (!deviceId) return closeBoth(1008, "a device connects with its own device identity");
      try {
        await runtime.tickets.claimDevice(pass, deviceId);
      } catch (error) {
        return closeBoth(1008, error instanceof RuntimeError ? error.message : "ticket refused");
      }
    }
    connected = true;
    if (!closed) upstream.send(injectSharedAuth(frame, token));
  };
  server.addEventListener("message", (event) => {
    runtime.touch();
    if (typeof event.data !== "string") return closeBoth(1003, "the gateway protocol is JSON text frames");
    if (event.data.length > (connected ? MAX_FRAME_CHARS : MAX_PREAUTH_FRAME_CHARS)) return closeBoth(1009, "frame too large");
    const frame = event.data;
    sending = sending.then(() => forward(frame));
  });
  upstream.addEventListener("message", (event) => {
    if (typeof event.data !== "string") return closeBoth(1003, "the gateway sent a binary frame");
    server.send(scrubSharedSecret(event.data, token));
  });
  server.addEventListener("close", (event) => closeBoth(event.code, event.reason));
  upstream.addEventListener("close", (event) => closeBoth(event.code, event.reason));
  server.addEventListener("error", () => closeBoth(1011, "client error"));
  upstream.addEventListener("error", () => closeBoth(1011, "gateway error"));

  return new Response(null, { status: 101, webSocket: client });
}

/** The gateway's HTTP APIs, which act with operator rights: never reached through the device proxy. */
const GATEWAY_API_PATHS = /^\/(?:v1|tools|hooks|api)(?:[/?]|$)/i;

/** The Control UI reads pages and assets; anything else through the proxy is refused (405, or 403 for an API path). */
export function controlUiRequest(method: string, path: string): void {
  if (method !== "GET" && method !== "HEAD") throw new RuntimeError("method_not_allowed", 405, "the device proxy serves the Control UI's pages and assets (GET) and the gateway's WebSocket");
  let pathname: string;
  try {
    pathname = decodeURIComponent(path.split("?")[0] ?? "").replace(/\/{2,}/g, "/");
  } catch {
    throw new RuntimeError("invalid_request", 400, "the path is not valid percent-encoding");
  }
  if (GATEWAY_API_PATHS.test(pathname)) throw new RuntimeError("forbidden", 403, "the gateway's HTTP APIs are not reachable through the device proxy");
}

const HOP_HEADERS = ["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization", "te", "trailer"];

function withoutHopHeaders(headers: Headers): Headers {
  const copy = new Headers(headers);
  for (const name of HOP_HEADERS) copy.delete(name);
  return copy;
}
