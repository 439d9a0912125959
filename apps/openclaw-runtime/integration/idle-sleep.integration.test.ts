import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack, type LocalStack } from "@openclaw-cloud/local-stack";

// Its own stack with short timers: a tenant sleeps after 4 s idle (backing up first),
// and wakes on the next request.
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    stateDir: `${process.env.TMPDIR ?? "/tmp"}/occ-idle-it-${process.pid}`,
    runtimeVars: { IDLE_SLEEP_SECONDS: "4" },
  });
});

afterAll(async () => {
  await stack?.stop();
});

function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${stack.runtimeUrl}${path}`, { ...init, headers: { ...init.headers, ...stack.internalHeaders("tenant-idle"), "content-type": "application/json" } });
}

async function status(): Promise<{ state: string; lastBackup: { reason: string } | null }> {
  return (await call("/v1/tenant/status")).json() as Promise<{ state: string; lastBackup: { reason: string } | null }>;
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

    const deadline = Date.now() + 60_000;
    let current = await status();
    while (current.state !== "sleeping" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      current = await status();
    }
    expect(current.state).toBe("sleeping");
    expect(current.lastBackup?.reason).toBe("sleep");

    const woke = await call("/v1/sessions");
    expect(woke.status).toBe(200);
    expect(JSON.stringify(await woke.json())).toContain("agent:main:before-sleep");
    expect((await status()).state).toBe("running");
  });
});
