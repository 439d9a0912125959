import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { downstreamResponseHeaders, upstreamRequestHeaders } from "./proxy.ts";
import { startTestHost, TEST_SECRET, type TestHost } from "./testing.ts";

describe("upstreamRequestHeaders", () => {
  it("drops the host secret and hop-by-hop headers and forwards the gateway token", () => {
    const headers = upstreamRequestHeaders(
      {
        authorization: "Bearer host-secret",
        "x-sandbox-forward-authorization": "Bearer gateway-token",
        connection: "keep-alive, x-private",
        "x-private": "1",
        "keep-alive": "timeout=5",
        "transfer-encoding": "chunked",
        host: "127.0.0.1:8790",
        accept: "text/event-stream",
      },
      20000,
    );
    expect(headers).toEqual({ authorization: "Bearer gateway-token", host: "127.0.0.1:20000", accept: "text/event-stream" });
  });

  it("keeps the upgrade handshake and WebSocket headers", () => {
    const headers = upstreamRequestHeaders({ connection: "Upgrade", upgrade: "websocket", "sec-websocket-key": "k", "sec-websocket-version": "13", origin: "http://x" }, 20000);
    expect(headers).toMatchObject({ connection: "Upgrade", upgrade: "websocket", "sec-websocket-key": "k", origin: "http://x" });
    expect(headers.authorization).toBeUndefined();
  });

  it("filters hop-by-hop response headers", () => {
    expect(downstreamResponseHeaders({ "content-type": "text/plain", connection: "close", "transfer-encoding": "chunked" })).toEqual({
      "content-type": "text/plain",
    });
  });
});

let t: TestHost;
let gatewayPort: number;
let upstream: Server | undefined;

beforeAll(async () => {
  t = await startTestHost([44000, 44199]);
  gatewayPort = (await t.call("POST", "/sandboxes/proxy-a")).body.gatewayPort;
});
afterEach(async () => {
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve) ?? resolve(undefined));
  upstream = undefined;
});
afterAll(() => t.close());

function listenUpstream(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  upstream = server;
  return new Promise((resolve) => server.listen(gatewayPort, "127.0.0.1", () => resolve(server)));
}

describe("HTTP proxy", () => {
  it("forwards method, path, query, body and the gateway token, never the host secret", async () => {
    let seen: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string } = {};
    await listenUpstream((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body };
        res.writeHead(201, { "x-upstream": "yes" }).end("created");
      });
    });
    const res = await t.api("/sandboxes/proxy-a/ports/18789/tools/invoke?x=1&y=%20", {
      method: "POST",
      body: '{"tool":"status"}',
      headers: { "x-sandbox-forward-authorization": "Bearer gateway-token", "content-type": "application/json" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-upstream")).toBe("yes");
    expect(await res.text()).toBe("created");
    expect(seen).toMatchObject({ method: "POST", url: "/tools/invoke?x=1&y=%20", body: '{"tool":"status"}' });
    expect(seen.headers?.authorization).toBe("Bearer gateway-token");
    expect(JSON.stringify(seen.headers)).not.toContain(TEST_SECRET);
    expect(seen.headers?.["x-sandbox-forward-authorization"]).toBeUndefined();
  });

  it("streams server-sent events chunk by chunk before the upstream ends", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await listenUpstream(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: first\n\n");
      await released; // the rest only comes once the client has seen the first event
      res.write("data: second\n\n");
      res.end();
    });
    const res = await t.api("/sandboxes/proxy-a/ports/18789/v1/responses", { method: "POST", body: "{}" });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe("data: first\n\n");
    release();
    let rest = "";
    for (let part = await reader.read(); !part.done; part = await reader.read()) rest += decoder.decode(part.value);
    expect(rest).toBe("data: second\n\n");
  });

  it("breaks the client stream promptly when the upstream dies mid-stream", async () => {
    await listenUpstream((req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: partial\n\n");
      setTimeout(() => req.socket.destroy(), 50);
    });
    const res = await t.api("/sandboxes/proxy-a/ports/18789/v1/responses");
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: partial\n\n");
    await expect(reader.read()).rejects.toThrow();
  });

  it("breaks the client stream when the sandbox's gateway process is killed", async () => {
    const server = `require('http').createServer((q, s) => { s.writeHead(200, {'content-type': 'text/event-stream'}); s.write('data: hi\\n\\n'); })
      .listen(Number(process.env.GATEWAY_PORT), '127.0.0.1', () => console.log('listening'))`;
    await t.call("POST", "/sandboxes/proxy-a/processes", { argv: ["node", "-e", server], id: "gateway" });
    await expect.poll(async () => (await t.call("GET", "/sandboxes/proxy-a/processes/gateway/logs")).body.stdout).toBe("listening\n");
    const res = await t.api("/sandboxes/proxy-a/ports/18789/v1/responses");
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: hi\n\n");
    // Settle the read's outcome at once: it rejects while the DELETE is still in flight.
    const pending = reader.read().then(
      () => "resolved",
      () => "rejected",
    );
    await t.call("DELETE", "/sandboxes/proxy-a/processes/gateway");
    expect(await pending).toBe("rejected");
  });

  it("answers 502 upstream_unavailable when nothing listens", async () => {
    const { status, body } = await t.call("GET", "/sandboxes/proxy-a/ports/18789/health");
    expect(status).toBe(502);
    expect(body.error.code).toBe("upstream_unavailable");
    expect((await t.call("GET", "/sandboxes/proxy-never/ports/18789/health")).body.error.code).toBe("upstream_unavailable");
  });

  it("only exposes the gateway container port", async () => {
    expect((await t.call("GET", "/sandboxes/proxy-a/ports/8080/x")).body.error.code).toBe("port_not_exposed");
    expect((await t.call("GET", "/sandboxes/proxy-a/ports/abc/x")).body.error.code).toBe("invalid_port");
  });

  it("aborts the upstream request when the client goes away", async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    await listenUpstream((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: waiting\n\n");
      res.on("close", upstreamClosed);
    });
    const controller = new AbortController();
    const res = await t.api("/sandboxes/proxy-a/ports/18789/stream", { signal: controller.signal });
    await res.body!.getReader().read();
    controller.abort();
    await closed;
  });
});

describe("WebSocket proxy", () => {
  it("echoes through the proxy with the forwarded token and the client's headers", async () => {
    let handshake: IncomingHttpHeaders | undefined;
    const server = await listenUpstream((_req, res) => res.writeHead(426).end());
    const wss = new WebSocketServer({ server });
    wss.on("connection", (socket, req) => {
      handshake = req.headers;
      socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
    });
    const client = new WebSocket(`${t.host.url.replace("http", "ws")}/sandboxes/proxy-a/ports/18789/ws?role=operator`, ["gateway.v1"], {
      headers: { authorization: `Bearer ${TEST_SECRET}`, "x-sandbox-forward-authorization": "Bearer gateway-token", origin: "http://app.local" },
    });
    await new Promise((resolve, reject) => client.once("open", resolve).once("error", reject));
    expect(client.protocol).toBe("gateway.v1");
    const reply = new Promise<string>((resolve) => client.once("message", (data) => resolve(String(data))));
    client.send("hello");
    expect(await reply).toBe("hello");
    expect(handshake).toMatchObject({ authorization: "Bearer gateway-token", origin: "http://app.local", "sec-websocket-protocol": "gateway.v1" });
    client.close();
    wss.close();
  });

  it("refuses an upgrade without the host secret before reaching the upstream", async () => {
    const client = new WebSocket(`${t.host.url.replace("http", "ws")}/sandboxes/proxy-a/ports/18789/ws`);
    const status = await new Promise<number>((resolve) => client.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });

  it("relays an upstream refusal and reports a missing upstream as 502", async () => {
    const url = `${t.host.url.replace("http", "ws")}/sandboxes/proxy-a/ports/18789/ws`;
    const headers = { authorization: `Bearer ${TEST_SECRET}` };
    const statusOf = (client: WebSocket) => new Promise<number>((resolve) => client.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)));
    expect(await statusOf(new WebSocket(url, { headers }))).toBe(502);
    await listenUpstream((_req, res) => res.writeHead(403).end("no"));
    expect(await statusOf(new WebSocket(url, { headers }))).toBe(403);
  });
});
