import { request, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { errorBody, HttpError } from "./errors.ts";
import { sendJson, writeRawJsonError } from "./http-io.ts";

/** The runtime passes the gateway's own bearer token here; it becomes `Authorization` upstream. */
export const FORWARD_AUTHORIZATION_HEADER = "x-sandbox-forward-authorization";

const HOP_BY_HOP = ["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"];

/** Header names a proxy must not pass on: hop-by-hop ones, including those listed in Connection. */
function hopByHop(headers: IncomingHttpHeaders): Set<string> {
  const listed = String(headers.connection ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return new Set([...HOP_BY_HOP, ...listed]);
}

/**
 * Headers for the upstream request. The caller's Authorization carries the sandbox-host
 * secret and never leaves this process; the forwarded token takes its place.
 */
export function upstreamRequestHeaders(headers: IncomingHttpHeaders, hostPort: number): OutgoingHttpHeaders {
  const dropped = hopByHop(headers);
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || dropped.has(name) || name === "authorization" || name === "host" || name === FORWARD_AUTHORIZATION_HEADER) continue;
    result[name] = value;
  }
  result.host = `127.0.0.1:${hostPort}`;
  const forwarded = headers[FORWARD_AUTHORIZATION_HEADER];
  if (typeof forwarded === "string" && forwarded !== "") result.authorization = forwarded;
  if (headers.upgrade !== undefined) {
    result.connection = "Upgrade";
    result.upgrade = headers.upgrade;
  }
  return result;
}

/** Response headers to relay to the client (Node re-frames the body itself). */
export function downstreamResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const dropped = hopByHop(headers);
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !dropped.has(name)));
}

export type ProxyTarget = { hostPort: number; path: string };

function upstreamUnavailable(hostPort: number, error: Error): [string, string] {
  return ["upstream_unavailable", `nothing answered on the sandbox port (host port ${hostPort}): ${(error as NodeJS.ErrnoException).code ?? error.message}`];
}

/** The same request, aimed at the sandbox's port on loopback (HTTP and Upgrade alike). */
function upstreamRequest(req: IncomingMessage, target: ProxyTarget): ClientRequest {
  return request({
    host: "127.0.0.1",
    port: target.hostPort,
    method: req.method,
    path: target.path,
    headers: upstreamRequestHeaders(req.headers, target.hostPort),
  });
}

/**
 * Forwards one HTTP request and streams the response back as it arrives (SSE included).
 * A failure before the response head becomes a 502; after it, the client connection is
 * destroyed so the client sees a broken stream instead of waiting forever.
 */
export function proxyHttp(req: IncomingMessage, res: ServerResponse, target: ProxyTarget): void {
  const upstream = upstreamRequest(req, target);
  upstream.on("socket", (socket: Socket) => socket.setNoDelay(true));
  upstream.on("response", (upstreamRes) => {
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, downstreamResponseHeaders(upstreamRes.headers));
    res.flushHeaders();
    upstreamRes.pipe(res);
    upstreamRes.on("error", () => res.destroy());
    upstreamRes.on("close", () => {
      if (!upstreamRes.complete) res.destroy();
    });
  });
  upstream.on("error", (error) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const [code, message] = upstreamUnavailable(target.hostPort, error);
    res.setHeader("connection", "close");
    sendJson(res, 502, errorBody(new HttpError(code, 502, message)));
  });
  // The client went away (or its request broke): stop the upstream work too.
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.on("error", () => upstream.destroy());
  req.socket.setNoDelay(true);
  req.pipe(upstream);
}

function rawHead(statusCode: number, statusMessage: string, rawHeaders: string[]): string {
  let head = `HTTP/1.1 ${statusCode} ${statusMessage}\r\n`;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) head += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`;
  return `${head}\r\n`;
}

/**
 * Proxies a WebSocket (or any Upgrade) handshake, then pipes the two raw sockets both
 * ways. If the upstream answers without upgrading (e.g. 401), that answer is relayed.
 */
export function proxyUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, target: ProxyTarget): void {
  const upstream = upstreamRequest(req, target);
  const closeClient = () => client.destroy();
  client.on("error", () => upstream.destroy());
  client.on("close", () => upstream.destroy());

  let answered = false;
  upstream.on("upgrade", (upstreamRes, upstreamSocket, upstreamHead) => {
    answered = true;
    upstreamSocket.setNoDelay(true);
    client.write(rawHead(upstreamRes.statusCode ?? 101, upstreamRes.statusMessage ?? "Switching Protocols", upstreamRes.rawHeaders));
    if (upstreamHead.length > 0) client.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.on("error", closeClient);
    upstreamSocket.on("close", closeClient);
    client.on("close", () => upstreamSocket.destroy());
    upstreamSocket.pipe(client).pipe(upstreamSocket);
  });
  upstream.on("response", (upstreamRes) => {
    answered = true;
    upstreamRes.on("error", closeClient);
    const headers = downstreamResponseHeaders(upstreamRes.headers);
    delete headers["content-length"];
    const rawHeaders = Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)]));
    client.write(rawHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage ?? "", [...rawHeaders, "connection", "close"]));
    upstreamRes.pipe(client); // the body ends with the connection
  });
  upstream.on("error", (error) => {
    if (answered || client.destroyed) return;
    const [code, message] = upstreamUnavailable(target.hostPort, error);
    writeRawJsonError(client, new HttpError(code, 502, message));
  });
  upstream.end();
}
