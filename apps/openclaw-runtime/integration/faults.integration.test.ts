import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSse, readSse, startLocalStack, type LocalStack, type SseEvent } from "@openclaw-cloud/local-stack";
import { runtimeRequest } from "./runtime-request.ts";

// Faults on the real stack: one tenant whose real gateway is frozen, killed mid-stream,
// crashed, woken concurrently and deleted twice. One gateway runs at a time, and the steps
// share it so the file costs few gateway starts (~10 s and ~1.2 GB each).
const TENANT = "tenant-faults";
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ stateDir: `${process.env.TMPDIR ?? "/tmp"}/occ-faults-it-${process.pid}`, tokenDelayMs: 5 });
});

afterAll(async () => {
  await stack?.stop();
});

function runtime(path: string, init: RequestInit = {}): Promise<Response> {
  return runtimeRequest(stack, TENANT, path, init);
}

interface Status {
  state: string;
  notAnsweringSince: string | null;
  crash: { at: string; exitCode: number | null; lastLogLines: string[] } | null;
}

async function status(): Promise<Status> {
  return (await runtime("/v1/tenant/status")).json() as Promise<Status>;
}

async function gatewayPid(): Promise<number> {
  const response = await fetch(`${stack.sandboxHostUrl}/sandboxes/${TENANT}/processes/gateway`, { headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}` } });
  return ((await response.json()) as { pid: number }).pid;
}

function turn(input: string, stream: boolean): Promise<Response> {
  return runtime("/v1/responses", { method: "POST", body: JSON.stringify({ model: "openclaw", input, stream }) });
}

async function waitFor(check: (current: Status) => boolean, timeoutMs: number): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  let current = await status();
  while (!check(current) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    current = await status();
  }
  return current;
}

// Generous per-test time: a gateway start takes ~10 s on an idle machine, far more on a busy one.
describe("a tenant whose gateway fails", { timeout: 400_000 }, () => {
  it("answers 504 gateway_timeout within 30 s while the gateway is frozen, shows it, and recovers on SIGCONT", async () => {
    expect((await runtime("/v1/tenant/provision", { method: "POST", body: JSON.stringify({ settings: stack.tenantSettings() }) })).status).toBe(201);
    expect((await turn("warm up", false)).status).toBe(200);
    const pid = await gatewayPid();
    process.kill(pid, "SIGSTOP");
    try {
      const started = performance.now();
      // A chat turn (HTTP) and a pairing call (the gateway's WebSocket) both give up.
      const [chat, devices] = await Promise.all([turn("are you there?", true), runtime("/v1/devices")]);
      expect(performance.now() - started).toBeLessThan(30_000);
      for (const answer of [chat, devices]) {
        const text = await answer.text();
        expect(answer.status, text).toBe(504);
        expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe("gateway_timeout");
      }
      const frozen = await status();
      expect(frozen.state).toBe("running");
      expect(frozen.notAnsweringSince).not.toBeNull();
    } finally {
      process.kill(pid, "SIGCONT");
    }
    expect((await turn("back again?", false)).status).toBe(200);
    expect(await waitFor((s) => s.notAnsweringSince === null, 15_000)).toMatchObject({ state: "running", notAnsweringSince: null });
  });

  it("ends a stream within 2 s of the gateway dying mid-turn, shows the crash, and the next request recovers", async () => {
    const response = await turn("long answer please [words:2000]", true);
    const events: SseEvent[] = [];
    let killedAt = 0;
    for await (const event of readSse(response.body!)) {
      events.push(event);
      if (!killedAt && events.filter((e) => e.event === "response.output_text.delta").length === 5) {
        killedAt = performance.now();
        process.kill(await gatewayPid(), "SIGKILL");
      }
    }
    const failed = events.find((e) => e.event === "response.failed");
    expect(failed).toBeDefined();
    expect(failed!.at - killedAt).toBeLessThan(2000);
    expect(events.at(-1)?.data).toBe("[DONE]");

    const next = await turn("are you back? [words:3]", true);
    expect(next.status).toBe(200);
    expect((await collectSse(next.body!)).some((e) => e.event === "response.completed")).toBe(true);
    const after = await status();
    expect(after.state).toBe("running");
    expect(after.crash).not.toBeNull();
  });

  it("notices a crash within 10 s without any request, restarts the gateway, and shows the crash until acknowledged", async () => {
    expect((await (await runtime("/v1/tenant/crash/acknowledge", { method: "POST" })).json()) as Status).toMatchObject({ crash: null });
    const before = await gatewayPid();
    const killedAt = Date.now();
    process.kill(before, "SIGKILL");
    const noticed = await waitFor((s) => s.crash !== null, 10_000);
    expect(noticed.crash).not.toBeNull();
    expect(Date.parse(noticed.crash!.at) - killedAt).toBeLessThan(10_000);
    expect(noticed.crash!.lastLogLines.length).toBeGreaterThan(0);
    const healed = await waitFor((s) => s.state === "running", 240_000);
    expect(healed.state).toBe("running");
    expect(healed.crash?.at).toBe(noticed.crash!.at);
    expect(await gatewayPid()).not.toBe(before);
    expect((await turn("healed? [words:3]", false)).status).toBe(200);
    expect(((await (await runtime("/v1/tenant/crash/acknowledge", { method: "POST" })).json()) as Status).crash).toBeNull();
  });

  it("a pairing call that finds the gateway dead starts it again and answers, as an HTTP call does", async () => {
    expect((await runtime("/v1/devices")).status).toBe(200);
    const before = await gatewayPid();
    process.kill(before, "SIGKILL");
    // At once, before the watchdog's next tick: the call itself must notice.
    const devices = await runtime("/v1/devices");
    expect(devices.status).toBe(200);
    expect(await devices.json()).toHaveProperty("pending");
    expect(await gatewayPid()).not.toBe(before);
    expect((await status()).crash).not.toBeNull();
  });

  it("wakes a sleeping tenant once for concurrent requests: exactly one gateway", async () => {
    expect(((await (await runtime("/v1/tenant/stop", { method: "POST" })).json()) as Status).state).toBe("sleeping");
    const answers = await Promise.all(Array.from({ length: 5 }, () => runtime("/v1/sessions")));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const listed = await fetch(`${stack.sandboxHostUrl}/sandboxes/${TENANT}/processes`, { headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}` } });
    const { processes } = (await listed.json()) as { processes: Array<{ status: string }> };
    expect(processes.filter((p) => p.status === "running")).toHaveLength(1);
  });

  it("deletes idempotently: a retried delete answers the absent status", async () => {
    const first = await runtime("/v1/tenant", { method: "DELETE" });
    expect(first.status).toBe(200);
    expect(((await first.json()) as Status).state).toBe("absent");
    const retried = await runtime("/v1/tenant", { method: "DELETE" });
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as Status).state).toBe("absent");
  });
});
