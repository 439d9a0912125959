import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { pipeline } from "node:stream/promises";
import { newWebSocketRpcSession } from "capnweb";
import { WebSocketServer } from "ws";
import { isAuthorized } from "./auth.ts";
import { SandboxControlApi } from "./control-api.ts";
import { HttpError } from "./errors.ts";
import { deletePath, listDirectory, MAX_FILE_BYTES, openFileForRead, writeFileAtomic } from "./files.ts";
import { assertContentLength, detachedBody, parseInput, readJson, sendError, sendJson, toHttpError, writeRawJsonError } from "./http-io.ts";
import { CONTROL_CONTAINER_PORT, GATEWAY_CONTAINER_PORT, type PortAllocator } from "./ports.ts";
import type { ManagedProcess } from "./processes.ts";
import { proxyHttp, proxyUpgrade, type ProxyTarget } from "./proxy.ts";
import { matchRoute, type RouteParams } from "./routes.ts";
import { ContainerPort, ExecRequest, KillSignal, StartProcessRequest } from "./schemas.ts";
import { parseSandboxId, type SandboxRegistry } from "./sandboxes.ts";

export type ServerConfig = {
  secret: string;
  killGraceMs: number;
  registry: SandboxRegistry;
  ports: PortAllocator;
};

type Request = { req: IncomingMessage; res: ServerResponse; params: RouteParams; query: URLSearchParams };

function splitUrl(url: string): { pathname: string; search: string } {
  const index = url.indexOf("?");
  return index < 0 ? { pathname: url, search: "" } : { pathname: url.slice(0, index), search: url.slice(index) };
}

function requireQueryPath(query: URLSearchParams): string {
  const path = query.get("path");
  if (path === null || path === "") throw new HttpError("invalid_path", 400, "query parameter 'path' is required");
  return path;
}

function findProcess(registry: SandboxRegistry, params: RouteParams): ManagedProcess {
  const found = registry.active(parseSandboxId(params.id))?.processes.find(params.pid ?? "");
  if (!found) throw new HttpError("process_not_found", 404, `no process ${params.pid} in sandbox ${params.id}`);
  return found;
}

function proxyTarget(config: ServerConfig, params: RouteParams, search: string): ProxyTarget {
  const id = parseSandboxId(params.id);
  const parsedPort = ContainerPort.safeParse(params.port);
  if (!parsedPort.success) throw new HttpError("invalid_port", 400, "port must be a number between 1 and 65535");
  if (parsedPort.data !== GATEWAY_CONTAINER_PORT) {
    throw new HttpError("port_not_exposed", 404, `only container port ${GATEWAY_CONTAINER_PORT} is exposed`);
  }
  const hostPort = config.ports.hostPort(id, parsedPort.data);
  if (hostPort === undefined) throw new HttpError("upstream_unavailable", 502, `sandbox ${id} has no running processes`);
  return { hostPort, path: (params.rest ?? "/") + search };
}

/** Streams a process's output as server-sent events until it exits: `stdout`/`stderr` carry JSON strings, `exit` the final info. */
function followLogs({ req, res }: Request, managed: ManagedProcess): void {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no" });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const unsubscribe = managed.follow((chunk) => send(chunk.stream, chunk.text));
  res.on("close", unsubscribe);
  void managed.finished.then(() => {
    unsubscribe();
    if (res.destroyed) return;
    send("exit", managed.info());
    res.end();
  });
}

async function route(config: ServerConfig, request: Request, search: string, name: string): Promise<void> {
  const { registry } = config;
  const { req, res, params, query } = request;
  switch (name) {
    case "health":
      return sendJson(res, 200, { ok: true, homeMount: registry.homeMount });
    case "listSandboxes":
      return sendJson(res, 200, { sandboxes: await registry.list() });
    case "getSandbox":
      return sendJson(res, 200, await registry.info(parseSandboxId(params.id)));
    case "createSandbox":
      return sendJson(res, 200, (await registry.ensure(parseSandboxId(params.id))).info());
    case "destroySandbox":
      return sendJson(res, 200, await registry.destroy(parseSandboxId(params.id)));
    case "exec": {
      const id = parseSandboxId(params.id);
      const body = await readJson(req, ExecRequest);
      const aborted = new AbortController();
      res.on("close", () => aborted.abort());
      return sendJson(res, 200, await (await registry.ensure(id)).exec(body, aborted.signal));
    }
    case "listProcesses": {
      const processes = registry.active(parseSandboxId(params.id))?.processes.list() ?? [];
      return sendJson(res, 200, { processes: processes.map((p) => p.info()) });
    }
    case "startProcess": {
      const id = parseSandboxId(params.id);
      const body = await readJson(req, StartProcessRequest);
      const sandbox = await registry.ensure(id);
      const started = sandbox.processes.start(sandbox.spawnSpec(body.argv, body.env), body.id);
      await started.started;
      return sendJson(res, 201, started.info());
    }
    case "getProcess":
      return sendJson(res, 200, findProcess(registry, params).info());
    case "killProcess": {
      const managed = findProcess(registry, params);
      const signal = parseInput(KillSignal, query.get("signal") ?? undefined);
      await managed.kill(signal, config.killGraceMs);
      return sendJson(res, 200, managed.info());
    }
    case "processLogs": {
      const managed = findProcess(registry, params);
      const follow = query.get("follow");
      if (follow === "1" || follow === "true") return followLogs(request, managed);
      return sendJson(res, 200, { id: managed.id, ...managed.logs() });
    }
    case "writeFile": {
      const id = parseSandboxId(params.id);
      const path = requireQueryPath(query);
      assertContentLength(req, MAX_FILE_BYTES);
      const sandbox = await registry.ensure(id);
      return sendJson(res, 200, await writeFileAtomic(sandbox.home, path, detachedBody(req)));
    }
    case "readFile": {
      const home = await registry.existingHome(parseSandboxId(params.id));
      const file = await openFileForRead(home, requireQueryPath(query));
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes });
      // pipeline destroys the response on failure, so a broken read shows as a truncated body
      return pipeline(file.stream, res).catch(() => undefined);
    }
    case "deleteFile": {
      const home = await registry.existingHome(parseSandboxId(params.id));
      return sendJson(res, 200, { ...(await deletePath(home, requireQueryPath(query))), deleted: true });
    }
    case "listFiles": {
      const home = await registry.existingHome(parseSandboxId(params.id));
      return sendJson(res, 200, await listDirectory(home, query.get("path") ?? ""));
    }
    case "proxy":
      // The control port answers plain HTTP only for the SDK's readiness pings; its API is /rpc.
      if (isControlPort(params)) return sendJson(res, 200, { ok: true });
      return proxyHttp(req, res, proxyTarget(config, params, search));
  }
}

async function handleRequest(config: ServerConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (!isAuthorized(req.headers.authorization, config.secret)) {
      throw new HttpError("unauthorized", 401, "missing or wrong sandbox host secret");
    }
    const { pathname, search } = splitUrl(req.url ?? "/");
    const match = matchRoute(req.method ?? "GET", pathname);
    if (match.kind === "not_found") throw new HttpError("route_not_found", 404, `no route for ${pathname}`);
    if (match.kind === "method_not_allowed") {
      res.setHeader("allow", match.allowed.join(", "));
      throw new HttpError("method_not_allowed", 405, `${req.method} is not allowed here`);
    }
    const query = new URLSearchParams(search);
    await route(config, { req, res, params: match.params, query }, search, match.name);
  } catch (error) {
    sendError(req, res, error);
  }
}

function handleUpgrade(config: ServerConfig, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on("error", () => socket.destroy());
  try {
    if (!isAuthorized(req.headers.authorization, config.secret)) {
      throw new HttpError("unauthorized", 401, "missing or wrong sandbox host secret");
    }
    const { pathname, search } = splitUrl(req.url ?? "/");
    const match = matchRoute(req.method ?? "GET", pathname);
    if (match.kind !== "route" || match.name !== "proxy") throw new HttpError("route_not_found", 404, "only port routes accept upgrades");
    if (isControlPort(match.params)) openControlSession(config, req, socket, head, match.params);
    else proxyUpgrade(req, socket, head, proxyTarget(config, match.params, search));
  } catch (error) {
    const httpError = toHttpError(error);
    writeRawJsonError(socket, httpError);
  }
}

function isControlPort(params: RouteParams): boolean {
  return ContainerPort.safeParse(params.port).data === CONTROL_CONTAINER_PORT;
}

const controlSockets = new WebSocketServer({ noServer: true });

/** `/rpc` on the control port: the Sandbox SDK's rpc transport, one capnweb session per WebSocket. */
function openControlSession(config: ServerConfig, req: IncomingMessage, socket: Duplex, head: Buffer, params: RouteParams): void {
  if (params.rest !== "/rpc") throw new HttpError("route_not_found", 404, "the control port accepts WebSockets on /rpc only");
  const id = parseSandboxId(params.id);
  void config.registry.ensure(id).then(
    (sandbox) =>
      controlSockets.handleUpgrade(req, socket, head, (ws) => {
        newWebSocketRpcSession(ws as unknown as WebSocket, new SandboxControlApi(sandbox, config.killGraceMs));
      }),
    (error: unknown) => {
      const httpError = toHttpError(error);
      writeRawJsonError(socket, httpError);
    },
  );
}

export type SandboxServer = { server: Server; closeConnections(): void };

export function createSandboxServer(config: ServerConfig): SandboxServer {
  const upgraded = new Set<Duplex>();
  const server = createServer({ requestTimeout: 0, headersTimeout: 60_000 }, (req, res) => void handleRequest(config, req, res));
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.on("close", () => upgraded.delete(socket));
    handleUpgrade(config, req, socket, head);
  });
  // Malformed HTTP gets the same JSON error shape as everything else.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    writeRawJsonError(socket, tooLarge ? new HttpError("headers_too_large", 431, "malformed HTTP request") : new HttpError("bad_request", 400, "malformed HTTP request"));
  });
  return {
    server,
    closeConnections() {
      server.closeAllConnections();
      for (const socket of upgraded) socket.destroy();
    },
  };
}
