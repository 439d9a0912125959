import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SANDBOX_LAYOUT } from "@openclaw-cloud/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectHomeMount, isRunnable, keptPaths } from "./home-mount.ts";
import { startTestHost, type TestHost } from "./testing.ts";

describe("isRunnable", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "runnable-"));
    await writeFile(join(dir, "tool"), "#!/bin/sh\n");
    await chmod(join(dir, "tool"), 0o755);
    await writeFile(join(dir, "data"), "not a program");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("finds programs on the PATH and relative to the working directory", () => {
    expect(isRunnable("tool", `/nonexistent:${dir}`, "/")).toBe(true);
    expect(isRunnable("./tool", "", dir)).toBe(true);
    expect(isRunnable(join(dir, "tool"), "", "/")).toBe(true);
  });

  it("refuses what execvp would refuse: missing, not executable, a directory", () => {
    expect(isRunnable("no-such-tool", dir, "/")).toBe(false);
    expect(isRunnable("data", dir, "/")).toBe(false);
    expect(isRunnable(dir, "", "/")).toBe(false);
  });
});

describe("keptPaths", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp("/tmp/kept-");
    await mkdir(join(dir, "repo", "node_modules", ".bin"), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps existing directories under /tmp, outermost only", () => {
    const repo = join(dir, "repo");
    expect(keptPaths([repo, `${repo}/node_modules/.bin/`, "/usr/bin", join(dir, "missing"), repo])).toEqual([repo]);
  });
});

// Two sandboxes must each see their own home at the container's path at the same time:
// that is what lets a restore start the restored gateway in a second sandbox beside the
// running one (OpenClaw keeps absolute paths of its state directory in its state).
describe.runIf((await detectHomeMount([])).kind === "mount-namespace")("sandboxes with mount namespaces", () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost([47400, 47599]);
  });
  afterAll(() => t.close());

  it("shows each sandbox its own directory at the container's home path, at the same time", async () => {
    for (const id of ["mount-a", "mount-b"]) {
      expect((await t.call("POST", `/sandboxes/${id}/exec`, { argv: ["sh", "-c", `echo ${id} > "$HOME/who"`] })).body.exitCode).toBe(0);
    }
    // A long-lived process of one sandbox keeps seeing its own file after the other wrote its.
    const reader = await t.call("POST", "/sandboxes/mount-a/processes", { id: "reader", argv: ["sh", "-c", `sleep 0.5; cat ${SANDBOX_LAYOUT.home}/who; pwd`] });
    expect(reader.status).toBe(201);
    await t.call("POST", "/sandboxes/mount-b/exec", { argv: ["sh", "-c", 'echo mount-b-again > "$HOME/who"'] });
    const b = await t.call("POST", "/sandboxes/mount-b/exec", { argv: ["sh", "-c", `cat ${SANDBOX_LAYOUT.home}/who; echo "$HOME"`] });
    expect(b.body.stdout).toBe(`mount-b-again\n${SANDBOX_LAYOUT.home}\n`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await t.call("GET", "/sandboxes/mount-a/processes/reader/logs")).body.stdout).toBe(`mount-a\n${SANDBOX_LAYOUT.home}\n`);
  });

  it("gives each sandbox its own /tmp, and keeps the host's programs and compile cache reachable", async () => {
    await t.call("POST", "/sandboxes/mount-a/exec", { argv: ["sh", "-c", "echo a > /tmp/mine"] });
    const b = await t.call("POST", "/sandboxes/mount-b/exec", { argv: ["sh", "-c", "cat /tmp/mine 2>/dev/null || echo none; test -d /tmp/node-compile-cache && echo cache"] });
    expect(b.body.stdout).toBe("none\ncache\n");
    expect((await t.call("POST", "/sandboxes/mount-a/exec", { argv: ["cat", "/tmp/mine"] })).body.stdout).toBe("a\n");
    // The test host's state lives under /tmp, and the programs come from the repository.
    expect((await t.call("POST", "/sandboxes/mount-b/exec", { argv: ["node", "-e", "console.log(require('node:os').tmpdir())"] })).body.stdout).toBe("/tmp\n");
  });

  it("keeps the file API on the same directory the processes see", async () => {
    await t.api("/sandboxes/mount-a/files?path=notes/today.txt", { method: "PUT", body: "from the host" });
    expect((await t.call("POST", "/sandboxes/mount-a/exec", { argv: ["cat", `${SANDBOX_LAYOUT.home}/notes/today.txt`] })).body.stdout).toBe("from the host");
  });

  it("still reports a missing program as 127 and keeps the program's own pid", async () => {
    expect((await t.call("POST", "/sandboxes/mount-a/exec", { argv: ["no-such-program"] })).body.exitCode).toBe(127);
    const started = await t.call("POST", "/sandboxes/mount-a/processes", { id: "pid", argv: ["sh", "-c", "echo $$; exec sleep 30"] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const logs = await t.call("GET", "/sandboxes/mount-a/processes/pid/logs");
    expect(Number(logs.body.stdout.trim())).toBe(started.body.pid);
    await t.call("DELETE", "/sandboxes/mount-a/processes/pid");
  });
});

describe("a host told not to use mount namespaces", () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost([47600, 47799], { homeMount: "host-path" });
  });
  afterAll(() => t.close());

  it("says so, and runs processes at the sandbox's real home", async () => {
    expect((await t.call("GET", "/health")).body).toEqual({ ok: true, homeMount: "host-path" });
    const { body } = await t.call("POST", "/sandboxes/real-a/exec", { argv: ["sh", "-c", 'echo "$HOME"; pwd'] });
    const { home } = (await t.call("GET", "/sandboxes/real-a")).body;
    expect(body.stdout).toBe(`${home}\n${home}\n`);
  });
});
