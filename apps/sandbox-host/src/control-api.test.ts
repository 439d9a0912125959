import { createHash, randomBytes } from "node:crypto";
import { newWebSocketRpcSession, type RpcStub } from "capnweb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { SandboxControlApi } from "./control-api.ts";
import { startTestHost, TEST_SECRET, type TestHost } from "./testing.ts";

// The contract with the tenant runtime: every control call its driver
// (apps/openclaw-runtime/src/driver/sandbox-sdk-driver.ts) makes through @cloudflare/sandbox,
// in the shape the SDK's rpc client sends it (method, positional arguments, options), over
// the same capnweb session on /rpc of container port 3000 that the SDK opens.
let t: TestHost;
let api: RpcStub<SandboxControlApi>;
let socket: WebSocket;
const SESSION = "sdk-session";

beforeAll(async () => {
  t = await startTestHost([46000, 46199]);
  socket = new WebSocket(`${t.host.url.replace(/^http/, "ws")}/sandboxes/contract/ports/3000/rpc`, { headers: { authorization: `Bearer ${TEST_SECRET}` } });
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  api = newWebSocketRpcSession<SandboxControlApi>(socket as unknown as globalThis.WebSocket);
});

afterAll(async () => {
  socket?.close();
  await t?.close();
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe("the Sandbox SDK's control API, as the runtime uses it", () => {
  it("runs commands in the sandbox home with the caller's environment", async () => {
    const result = await api.commands.execute("printf '%s' \"$GREETING\"; pwd", SESSION, { env: { GREETING: "hi" }, timeoutMs: 10_000, cwd: "/home/openclaw" });
    expect(result).toMatchObject({ success: true, exitCode: 0, stdout: `hi${await t.visibleHome("contract")}\n` });
    expect((await api.commands.execute("exit 3", SESSION, {})).exitCode).toBe(3);
  });

  it("streams a file in and reads its raw bytes back", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024) controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    expect(await api.files.writeFileStream("/home/openclaw/restore/latest.tar.gz", body, SESSION)).toMatchObject({ success: true, bytesWritten: bytes.length });
    expect((await api.files.exists("/home/openclaw/restore/latest.tar.gz", SESSION)).exists).toBe(true);

    const read = await api.files.readFile("/home/openclaw/restore/latest.tar.gz", SESSION, { encoding: "none" });
    const back = await readAll(read.content as ReadableStream<Uint8Array>);
    expect(createHash("sha256").update(back).digest("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));

    await api.files.deleteFile("/home/openclaw/restore/latest.tar.gz", SESSION);
    expect((await api.files.exists("/home/openclaw/restore/latest.tar.gz", SESSION)).exists).toBe(false);
  });

  it("answers the SDK's error codes for a missing file and a path outside the home", async () => {
    await expect(api.files.readFile("/home/openclaw/nope", SESSION, { encoding: "none" })).rejects.toThrow(/FILE_NOT_FOUND/);
    await expect(api.files.exists("/etc/passwd", SESSION)).rejects.toThrow(/PERMISSION_DENIED/);
  });

  it("starts a named process, reports it, serves its logs and kills it", async () => {
    const started = await api.processes.startProcess("sh -c 'echo up; exec sleep 60'", SESSION, { processId: "gateway", env: { A: "1" }, cwd: "/home/openclaw" });
    expect(started).toMatchObject({ success: true, processId: "gateway" });
    expect((await api.processes.getProcess("gateway")).process).toMatchObject({ id: "gateway", status: "running" });
    await expect.poll(async () => (await api.processes.getProcessLogs("gateway")).stdout).toContain("up");

    await api.processes.killProcess("gateway");
    expect((await api.processes.getProcess("gateway")).process.status).toBe("killed");
    await expect(api.processes.getProcess("no-such")).rejects.toThrow(/PROCESS_NOT_FOUND/);
  });

  it("creates sessions and answers pings", async () => {
    expect(await api.utils.createSession({ id: SESSION })).toMatchObject({ success: true, id: SESSION });
    expect(await api.utils.ping()).toBe("healthy");
  });
});
