import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPidAlive, jsonOf, startTestHost, type TestHost } from "./testing.ts";

let t: TestHost;
beforeAll(async () => {
  process.env.SANDBOX_HOST_TEST_LEAK = "host-only";
  t = await startTestHost([41000, 41199]);
});
afterAll(() => t.close());

const exec = (body: unknown, sandbox = "exec-a") => t.call("POST", `/sandboxes/${sandbox}/exec`, body);

describe("POST /sandboxes/:id/exec", () => {
  it("returns exit code, stdout and stderr", async () => {
    const { status, body } = await exec({ argv: ["sh", "-c", "echo out; echo err >&2; exit 3"] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ exitCode: 3, stdout: "out\n", stderr: "err\n", timedOut: false, stdoutTruncated: false });
    expect(body.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("runs argv without a shell, in the home, with stdin", async () => {
    const { body } = await exec({ argv: ["node", "-e", "process.stdin.pipe(process.stdout); console.error(process.cwd())"], stdin: "$HOME;`x`" });
    expect(body.stdout).toBe("$HOME;`x`");
    expect(body.stderr.trim()).toBe(await t.visibleHome("exec-a"));
  });

  it("gives a minimal environment whose sandbox identity the caller cannot override", async () => {
    const { body } = await exec({
      argv: ["node", "-p", "JSON.stringify(process.env)"],
      env: { PROVIDER_KEY: "k", HOME: "/tmp", SANDBOX_ID: "other", GATEWAY_PORT: "1" },
    });
    const env = JSON.parse(body.stdout);
    const info = await t.call("GET", "/sandboxes/exec-a");
    expect(env).toMatchObject({ PROVIDER_KEY: "k", SANDBOX_ID: "exec-a", GATEWAY_PORT: String(info.body.gatewayPort) });
    expect(env.HOME).toBe(await t.visibleHome("exec-a"));
    expect(env.SANDBOX_HOME).toBe(env.HOME);
    expect(env.SANDBOX_HOST_TEST_LEAK).toBeUndefined();
    expect(env.PATH).toContain("node_modules/.bin");
  });

  it("runs Node 24 and finds the repo's binaries on PATH", async () => {
    const { body } = await exec({ argv: ["node", "--version"] });
    expect(body.stdout).toMatch(/^v24\./);
  });

  it("reports a missing program as exit code 127, not an HTTP error", async () => {
    const { status, body } = await exec({ argv: ["definitely-not-a-program-xyz"] });
    expect(status).toBe(200);
    expect(body.exitCode).toBe(127);
    expect(body.stderr).toContain("command not found");
  });

  it("kills the whole tree on timeout", async () => {
    const { body } = await exec({ argv: ["sh", "-c", "sleep 30 & echo $!; sleep 30"], timeoutMs: 300 });
    expect(body).toMatchObject({ timedOut: true, exitCode: 124, signal: "SIGKILL" });
    const backgroundPid = Number(body.stdout.trim());
    expect(isPidAlive(backgroundPid)).toBe(false);
  });

  it("does not wait for background leftovers once the command exits", async () => {
    const started = Date.now();
    const { body } = await exec({ argv: ["sh", "-c", "sleep 30 & echo started"] });
    expect(body).toMatchObject({ exitCode: 0, stdout: "started\n" });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("caps captured output and flags truncation", async () => {
    const { body } = await exec({ argv: ["node", "-e", "process.stdout.write('x'.repeat(5 * 1024 * 1024))"] });
    expect(body.stdout.length).toBe(4 * 1024 * 1024);
    expect(body.stdoutTruncated).toBe(true);
  });

  it.each([
    [{ argv: [] }, "invalid_request"],
    [{ argv: ["a\0b"] }, "invalid_request"],
    [{ argv: ["true"], timeoutMs: 600_001 }, "invalid_request"],
    [{ argv: ["true"], env: { "BAD-NAME": "x" } }, "invalid_request"],
    [{ argv: ["true"], extra: 1 }, "invalid_request"],
  ])("rejects bad input %j with 400", async (input, code) => {
    const { status, body } = await exec(input);
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
  });

  it("rejects malformed JSON and oversized bodies", async () => {
    const bad = await t.api("/sandboxes/exec-a/exec", { method: "POST", body: "{nope" });
    expect(bad.status).toBe(400);
    expect((await jsonOf(bad)).error.code).toBe("invalid_json");
    const huge = await t.api("/sandboxes/exec-a/exec", { method: "POST", body: JSON.stringify({ argv: ["true"], stdin: "x".repeat(1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect((await jsonOf(huge)).error.code).toBe("payload_too_large");
  });
});
