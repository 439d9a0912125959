import { injectSharedAuth, relayUpstreamHeaders, scrubSharedSecret } from "@openclaw-cloud/gateway-rpc";
import { RuntimeError } from "../http/errors.ts";
import type { GatewayTenant } from "../tenant.ts";
import { callGateway, gatewayRequest } from "./gateway-http.ts";
import { openGatewaySocket } from "./gateway-socket.ts";

/** Strips the public `/gateway/<tenant>` prefix: the gateway itself serves from `/`. */
export function gatewayPath(url: URL, tenantId: string): string {
  const prefix = `/gateway/${tenantId}`;
  const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
  return `${rest.startsWith("/") ? rest : `/${rest}`}${url.search}`;
}

/**
 * The proxy for a tenant's own devices and the Control UI. WebSocket connections are
 * relayed frame by frame: a device's `connect` request gets the gateway's shared
 * secret injected (see gateway-rpc's connect-frame), so the device goes through
 * OpenClaw's normal pairing without ever seeing that secret, and every gateway frame is
 * scrubbed of it on the way back. The upstream request carries X-Forwarded-For so the
 * gateway treats the device as remote (pairing needs approval) rather than local.
 * Plain HTTP is for the Control UI's pages and assets only (controlUiRequest): reads, off
 * the gateway's API paths, and without the gateway's token, so a ticket grants no operator
 * call (`/tools/invoke`, `/v1/*`) that pairing, reserved session keys and billing would not see.
 */
export async function relayGatewaySocket(runtime: GatewayTenant, request: Request): Promise<Response> {
  const tenantId = request.headers.get("x-oa-tenant-id") ?? "";
  const path = gatewayPath(new URL(request.url), tenantId);
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
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

  server.addEventListener("message", (event) => {
    runtime.touch();
    upstream.send(typeof event.data === "string" ? injectSharedAuth(event.data, token) : event.data);
  });
  upstream.addEventListener("message", (event) => server.send(typeof event.data === "string" ? scrubSharedSecret(event.data, token) : event.data));

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
