import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPidAlive, jsonOf, liveGroupMembers, startTestHost, TEST_SECRET, type TestHost } from "./testing.ts";

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost([45000, 45199]);
});
afterAll(() => t.close());

describe("authentication", () => {
  it.each([
    ["no header", undefined],
    ["a wrong secret", `Bearer ${TEST_SECRET}x`],
    ["a prefix of the secret", `Bearer ${TEST_SECRET.slice(0, -1)}`],
    ["another scheme", `Basic ${TEST_SECRET}`],
  ])("answers %s with 401 JSON", async (_case, authorization) => {
    const res = await fetch(`${t.host.url}/sandboxes`, { headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(401);
    expect(await jsonOf(res)).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it("checks the secret before touching the request body or the sandbox", async () => {
    const res = await fetch(`${t.host.url}/sandboxes/auth-a/exec`, { method: "POST", body: JSON.stringify({ argv: ["touch", "x"] }) });
    expect(res.status).toBe(401);
    expect((await t.call("GET", "/sandboxes/auth-a")).body.exists).toBe(false);
  });
});

describe("routing and validation", () => {
  it.each(["UPPER", "-leading", "a_b", "a".repeat(64), "a%2Fb", "a.b"])("rejects the sandbox id %j", async (id) => {
    const { status, body } = await t.call("POST", `/sandboxes/${id}/exec`, { argv: ["true"] });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_sandbox_id");
  });

  it("answers unknown routes and methods with JSON errors", async () => {
    expect(await t.call("GET", "/nope")).toMatchObject({ status: 404, body: { error: { code: "route_not_found" } } });
    const wrongMethod = await t.api("/sandboxes/a/exec", { method: "GET" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    expect((await jsonOf(wrongMethod)).error.code).toBe("method_not_allowed");
  });
});

describe("sandbox lifecycle", () => {
  it("creates a sandbox on first use and describes it", async () => {
    expect((await t.call("GET", "/sandboxes/life-a")).body).toEqual({ id: "life-a", exists: false, home: expect.any(String), gatewayPort: null, processes: [] });
    await t.call("POST", "/sandboxes/life-a/exec", { argv: ["true"] });
    const { body } = await t.call("GET", "/sandboxes/life-a");
    expect(body).toMatchObject({ id: "life-a", exists: true, gatewayPort: expect.any(Number), processes: [] });
    expect(body.home).toBe(join(t.stateRoot, "sandboxes", "life-a", "home"));
    // The next free block of 20 (a port in between may be taken by anything on this machine, an outgoing connection included).
    const offset = (await t.call("POST", "/sandboxes/life-b")).body.gatewayPort - body.gatewayPort;
    expect(offset).toBeGreaterThanOrEqual(20);
    expect(offset % 20).toBe(0);
    expect((await t.call("GET", "/sandboxes")).body.sandboxes).toEqual(expect.arrayContaining(["life-a", "life-b"]));
  });

  it("destroy kills every process group and removes the directory", async () => {
    const { body: started } = await t.call("POST", "/sandboxes/life-c/processes", { argv: ["sh", "-c", "sleep 1000 & sleep 1000"] });
    await t.api("/sandboxes/life-c/files?path=data/state.json", { method: "PUT", body: "{}" });
    await expect.poll(() => liveGroupMembers(started.pid).length).toBeGreaterThanOrEqual(2);

    expect((await t.call("DELETE", "/sandboxes/life-c")).body).toEqual({ id: "life-c", existed: true });
    expect(liveGroupMembers(started.pid)).toEqual([]);
    await expect(stat(join(t.stateRoot, "sandboxes", "life-c"))).rejects.toThrow();
    expect((await t.call("GET", "/sandboxes/life-c")).body).toMatchObject({ exists: false, processes: [] });
    expect((await t.call("GET", "/sandboxes")).body.sandboxes).not.toContain("life-c");
    expect((await t.call("DELETE", "/sandboxes/life-c")).body).toEqual({ id: "life-c", existed: false });
  });
});

describe("host shutdown", () => {
  it("close() kills the processes it started", async () => {
    const own = await startTestHost([45200, 45399]);
    const { body } = await own.call("POST", "/sandboxes/shut-a/processes", { argv: ["sh", "-c", "trap '' TERM; sleep 1000 & wait"] });
    await expect.poll(() => liveGroupMembers(body.pid).length).toBe(2);
    await own.close();
    expect(liveGroupMembers(body.pid)).toEqual([]);
  });

  it("main.ts refuses to start without a secret", async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "main.ts")], { env: { PATH: process.env.PATH }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(stderr).toContain("SANDBOX_HOST_SECRET");
  });

  it("main.ts announces its address and kills its children on SIGTERM", async () => {
    const state = await mkdtemp(join(tmpdir(), "sandbox-host-main-"));
    const child = spawn(process.execPath, [join(import.meta.dirname, "main.ts")], {
      env: { PATH: process.env.PATH, SANDBOX_HOST_SECRET: TEST_SECRET, SANDBOX_HOST_PORT: "0", SANDBOX_HOST_STATE: state },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
      const match = /^sandbox-host listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      expect(match).not.toBeNull();
      const res = await fetch(`${match![1]}/sandboxes/main-a/processes`, {
        method: "POST",
        headers: { authorization: `Bearer ${TEST_SECRET}` },
        body: JSON.stringify({ argv: ["sleep", "1000"] }),
      });
      const { pid } = await jsonOf(res);
      expect(isPidAlive(pid)).toBe(true);
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(isPidAlive(pid)).toBe(false);
    } finally {
      child.kill("SIGKILL");
      await rm(state, { recursive: true, force: true });
    }
  });
});

describe("malformed HTTP", () => {
  it("answers with a JSON 400", async () => {
    const socket = connect(t.host.port, "127.0.0.1");
    socket.end("NOT HTTP AT ALL\r\n\r\n");
    let reply = "";
    for await (const chunk of socket) reply += chunk;
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('"code":"bad_request"');
  });
});
