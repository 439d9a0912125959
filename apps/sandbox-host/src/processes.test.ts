import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveGroupMembers, startTestHost, type TestHost } from "./testing.ts";

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost([42000, 42199]);
});
afterAll(() => t.close());

const start = (body: unknown, sandbox = "proc-a") => t.call("POST", `/sandboxes/${sandbox}/processes`, body);

async function waitForStatus(path: string, status: string) {
  for (;;) {
    const { body } = await t.call("GET", path);
    if (body.status === status) return body;
    await sleep(20);
  }
}

/** Reads a server-sent event stream to its end. */
async function readEvents(res: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => {
      const [eventLine, dataLine] = block.split("\n");
      return { event: eventLine!.slice("event: ".length), data: JSON.parse(dataLine!.slice("data: ".length)) };
    });
}

describe("processes", () => {
  it("starts, lists, reads logs of and kills a whole process group", async () => {
    const { status, body: started } = await start({ argv: ["sh", "-c", "echo ready; sleep 1000 & sleep 1000"], id: "gateway" });
    expect(status).toBe(201);
    expect(started).toMatchObject({ id: "gateway", status: "running", argv: ["sh", "-c", "echo ready; sleep 1000 & sleep 1000"], exitCode: null, endedAt: null });
    const pgid: number = started.pid;

    await expect.poll(() => liveGroupMembers(pgid).length).toBeGreaterThanOrEqual(2); // both sleeps (and sh unless it exec-ed)
    const list = await t.call("GET", "/sandboxes/proc-a/processes");
    expect(list.body.processes.map((p: { id: string }) => p.id)).toContain("gateway");
    expect((await t.call("GET", `/sandboxes/proc-a/processes/${pgid}`)).body.id).toBe("gateway"); // by pid too
    await expect.poll(async () => (await t.call("GET", "/sandboxes/proc-a/processes/gateway/logs")).body.stdout).toBe("ready\n");

    const again = await start({ argv: ["true"], id: "gateway" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("process_exists");

    const killed = await t.call("DELETE", "/sandboxes/proc-a/processes/gateway?signal=SIGTERM");
    expect(killed.status).toBe(200);
    expect(killed.body).toMatchObject({ status: "killed", signal: "SIGTERM", exitCode: null });
    expect(killed.body.endedAt).not.toBeNull();
    expect(liveGroupMembers(pgid)).toEqual([]);
  });

  it("escalates to SIGKILL when the group ignores the signal", async () => {
    const { body } = await start({ argv: ["sh", "-c", "trap '' TERM; echo trapped; sleep 1000 & wait"] });
    await expect.poll(async () => (await t.call("GET", `/sandboxes/proc-a/processes/${body.id}/logs`)).body.stdout).toBe("trapped\n");
    const killed = await t.call("DELETE", `/sandboxes/proc-a/processes/${body.id}`);
    expect(killed.body).toMatchObject({ status: "killed", signal: "SIGKILL" });
    expect(liveGroupMembers(body.pid)).toEqual([]);
  });

  it("also kills helpers that moved to a process group of their own", async () => {
    const script = "const c=require('child_process').spawn('sleep',['1000'],{detached:true,stdio:'ignore'});console.log(c.pid);setInterval(()=>{},1000)";
    const { body } = await start({ argv: ["node", "-e", script] });
    await expect.poll(async () => (await t.call("GET", `/sandboxes/proc-a/processes/${body.id}/logs`)).body.stdout).toMatch(/^\d+\n$/);
    const helper = Number((await t.call("GET", `/sandboxes/proc-a/processes/${body.id}/logs`)).body.stdout);
    await t.call("DELETE", `/sandboxes/proc-a/processes/${body.id}`);
    expect(liveGroupMembers(helper)).toEqual([]);
  });

  it("shows a crashed process as exited with its code and logs, and lets its id be reused", async () => {
    const { body } = await start({ argv: ["node", "-e", "console.error('boom'); process.exit(7)"], id: "crashy" });
    const info = await waitForStatus(`/sandboxes/proc-a/processes/crashy`, "exited");
    expect(info).toMatchObject({ exitCode: 7, signal: null, pid: body.pid });
    await expect.poll(async () => (await t.call("GET", "/sandboxes/proc-a/processes/crashy/logs")).body.stderr).toBe("boom\n");
    const restarted = await start({ argv: ["sleep", "1000"], id: "crashy" });
    expect(restarted.status).toBe(201);
    expect(restarted.body.status).toBe("running");
    await t.call("DELETE", "/sandboxes/proc-a/processes/crashy");
  });

  it("reports a missing program as an exited process with exit code 127", async () => {
    const { status, body } = await start({ argv: ["no-such-program-xyz"] });
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: "exited", exitCode: 127, pid: null });
    expect((await t.call("GET", `/sandboxes/proc-a/processes/${body.id}/logs`)).body.stderr).toContain("command not found");
  });

  it("follows logs live as server-sent events until the process exits", async () => {
    const script = "console.log('one'); setTimeout(() => { console.error('two'); }, 100); setTimeout(() => { console.log('three'); process.exit(2); }, 200)";
    const { body } = await start({ argv: ["node", "-e", script] });
    const res = await t.api(`/sandboxes/proc-a/processes/${body.id}/logs?follow=1`);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = await readEvents(res);
    expect(events.filter((e) => e.event !== "exit")).toEqual([
      { event: "stdout", data: "one\n" },
      { event: "stderr", data: "two\n" },
      { event: "stdout", data: "three\n" },
    ]);
    expect(events.at(-1)).toMatchObject({ event: "exit", data: { status: "exited", exitCode: 2 } });
  });

  it("answers unknown processes and bad signals with JSON errors", async () => {
    expect((await t.call("GET", "/sandboxes/proc-a/processes/nope")).body.error.code).toBe("process_not_found");
    expect((await t.call("GET", "/sandboxes/proc-unknown/processes/nope")).status).toBe(404);
    expect((await t.call("GET", "/sandboxes/proc-unknown/processes")).body).toEqual({ processes: [] });
    const { body } = await start({ argv: ["sleep", "1000"] });
    const bad = await t.call("DELETE", `/sandboxes/proc-a/processes/${body.id}?signal=SIGSTOP`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect((await start({ argv: ["true"], id: "../x" })).body.error.code).toBe("invalid_request");
    await t.call("DELETE", `/sandboxes/proc-a/processes/${body.id}`);
  });
});
