import type { Sandbox } from "@cloudflare/sandbox";
import { describe, expect, it } from "vitest";
import { SandboxSdkDriver, SandboxTimeoutError } from "./sandbox-sdk-driver.ts";

/**
 * The SDK's Sandbox Durable Object as a container that accepted the call and never answers:
 * every method of its stub returns a promise that never settles.
 */
function silentSandboxNamespace(): DurableObjectNamespace<Sandbox> {
  const stub = new Proxy({}, { get: (_target, property) => (property === "then" ? undefined : () => new Promise(() => {})) });
  const id = { toString: () => "silent", name: "silent" };
  return { idFromName: () => id, get: () => stub } as unknown as DurableObjectNamespace<Sandbox>;
}

describe("SandboxSdkDriver", () => {
  it("stops waiting for a sandbox that never answers, with a timeout error naming the call", async () => {
    const driver = new SandboxSdkDriver(silentSandboxNamespace(), "silent", 600, { controlMs: 50, transferMs: 80 });
    await expect(driver.getProcess("gateway")).rejects.toThrow(SandboxTimeoutError);
    await expect(driver.killProcess("gateway")).rejects.toThrow("the sandbox did not answer killProcess");
    await expect(driver.exec(["true"], { timeoutMs: 30 })).rejects.toThrow("exec");
    await expect(driver.writeFile("restore/latest.tar.gz", "archive")).rejects.toThrow("writeFile");
    await expect(driver.destroy()).rejects.toThrow("destroy");
  });
});
