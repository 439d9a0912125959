import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSse, startLocalStack, type LocalStack } from "@openclaw-cloud/local-stack";

// Its own stack with short timers: a tenant sleeps after 4 s idle (backing up first),
// and wakes on the next request. The model streams a word every 40 ms, so a long turn
// outlasts the idle time.
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    stateDir: `${process.env.TMPDIR ?? "/tmp"}/occ-idle-it-${process.pid}`,
    runtimeVars: { IDLE_SLEEP_SECONDS: "4" },
    tokenDelayMs: 40,
  });
});

afterAll(async () => {
  await stack?.stop();
});

function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${stack.runtimeUrl}${path}`, { ...init, headers: { ...init.headers, ...stack.internalHeaders("tenant-idle"), "content-type": "application/json" } });
}

interface Status {
  state: string;
  lastBackup: { id: string; reason: string } | null;
  lastBackupError: unknown;
}

async function status(): Promise<Status> {
  return (await call("/v1/tenant/status")).json() as Promise<Status>;
}

async function waitForState(state: string, timeoutMs: number, pollMs = 500): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  let current = await status();
  while (current.state !== state && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    current = await status();
  }
  return current;
}

function sandboxHost(path: string): Promise<Response> {
  return fetch(`${stack.sandboxHostUrl}/sandboxes/tenant-idle${path}`, { headers: { authorization: `Bearer ${stack.secrets.sandboxHostSecret}` } });
}

async function gatewayPid(): Promise<number> {
  return ((await (await sandboxHost("/processes/gateway")).json()) as { pid: number }).pid;
}

describe("idle tenants", () => {
  it("sleep after the configured idle time with a backup, and wake on the next request", async () => {
    const provisioned = await call("/v1/tenant/provision", { method: "POST", body: JSON.stringify({ settings: stack.tenantSettings() }) });
    expect(provisioned.status).toBe(201);
    const turn = await call("/v1/responses", {
      method: "POST",
      headers: { "x-openclaw-session-key": "before-sleep" },
      body: JSON.stringify({ model: "openclaw", input: "remember me" }),
    });
    expect(turn.status).toBe(200);

    const current = await waitForState("sleeping", 60_000);
    expect(current.state).toBe("sleeping");
    expect(current.lastBackup?.reason).toBe("sleep");
    expect(current.lastBackupError).toBeNull();

    const woke = await call("/v1/sessions");
    expect(woke.status).toBe(200);
    expect(JSON.stringify(await woke.json())).toContain("agent:main:before-sleep");
    expect((await status()).state).toBe("running");
  });

  it("keeps a turn that streams past the idle time (and its pre-sleep backup) whole, and sleeps after it", async () => {
    const response = await call("/v1/responses", {
      method: "POST",
      headers: { "x-openclaw-session-key": "long-turn" },
      // ~300 words at 40 ms each: about 12 s, three idle periods.
      body: JSON.stringify({ model: "openclaw", input: "tell me a long one [words:300]", stream: true }),
    });
    expect(response.status).toBe(200);
    const statesSeen = new Set<string>();
    let streaming = true;
    const watching = (async () => {
      while (streaming) {
        statesSeen.add((await status()).state);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })();
    const types: string[] = [];
    for await (const event of readSse(response.body!)) if (event.event) types.push(event.event);
    streaming = false;
    await watching;
    expect(types.at(-1)).toBe("response.completed");
    expect(types.filter((type) => type === "response.output_text.delta").length).toBeGreaterThan(20);
    expect([...statesSeen]).toEqual(["running"]);
    expect((await waitForState("sleeping", 60_000)).state).toBe("sleeping");
  });

  it("answers a request that arrives while it stops with 503 instance_busy and Retry-After", async () => {
    expect((await call("/v1/sessions")).status).toBe(200);
    // A frozen gateway holds the stop in `stopping` for the sandbox's kill grace (SIGTERM waits, then SIGKILL).
    process.kill(await gatewayPid(), "SIGSTOP");
    const stopping = call("/v1/tenant/stop", { method: "POST" });
    expect((await waitForState("stopping", 60_000, 50)).state).toBe("stopping");
    const refused = await call("/v1/sessions");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("tenant_busy");
    expect((await stopping).status).toBe(200);
    expect((await status()).state).toBe("sleeping");
  });

  it("still sleeps when its backup fails, shows the failure, and keeps the newer state on the sandbox's disk for the wake", async () => {
    const before = await status();
    const turn = await call("/v1/responses", {
      method: "POST",
      headers: { "x-openclaw-session-key": "only-on-disk" },
      body: JSON.stringify({ model: "openclaw", input: "remember this too" }),
    });
    expect(turn.status).toBe(200);
    // A file where the backups directory belongs: the launcher's backup cannot write its archive.
    const { home } = (await (await sandboxHost("")).json()) as { home: string };
    rmSync(join(home, "backups"), { recursive: true, force: true });
    writeFileSync(join(home, "backups"), "not a directory");

    const asleep = await waitForState("sleeping", 60_000);
    expect(asleep.state).toBe("sleeping");
    expect(asleep.lastBackup?.id).toBe(before.lastBackup?.id);
    expect(asleep.lastBackupError).toMatchObject({ failures: 1, message: expect.stringContaining("backup failed") });

    rmSync(join(home, "backups"), { force: true });
    const woke = await call("/v1/sessions");
    expect(woke.status).toBe(200);
    expect(JSON.stringify(await woke.json())).toContain("agent:main:only-on-disk");
  });
});
