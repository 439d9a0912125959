import { describe, expect, it } from "vitest";
import { GatewayTimeoutError, bodyWhileAnswering, probeWithin, watchLiveness, whileAnswering } from "./liveness.ts";

const FAST = { probeEveryMs: 10, probeTimeoutMs: 20, missesAllowed: 2 };
const never = () => new Promise<boolean>(() => {});

describe("gateway liveness", () => {
  it("counts a probe that hangs as no answer", async () => {
    expect(await probeWithin(never, 20)).toBe(false);
    expect(await probeWithin(async () => true, 20)).toBe(true);
    expect(await probeWithin(async () => Promise.reject(new Error("refused")), 20)).toBe(false);
  });

  it("ends a call the gateway never answers once probes go unanswered", async () => {
    const watch = watchLiveness(never, FAST);
    await expect(whileAnswering(watch, new Promise(() => {}))).rejects.toBeInstanceOf(GatewayTimeoutError);
    expect(watch.signal.aborted).toBe(true);
  });

  it("leaves a slow call alone while the gateway answers its probes", async () => {
    const watch = watchLiveness(async () => true, FAST);
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve("done"), 120));
    expect(await whileAnswering(watch, slow)).toBe("done");
  });

  it("errors a body that stalls when the gateway stops answering", async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode("first")) });
    const reader = bodyWhileAnswering(stalled, watchLiveness(never, FAST)).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first");
    await expect(reader.read()).rejects.toBeInstanceOf(GatewayTimeoutError);
  });
});
