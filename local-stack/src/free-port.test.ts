import { describe, expect, it } from "vitest";
import { retryOnAddressInUse } from "./free-port.ts";

describe("retryOnAddressInUse", () => {
  it("starts again after losing a port race, and answers what the next start gives", async () => {
    let calls = 0;
    const started = await retryOnAddressInUse(async () => {
      calls += 1;
      if (calls === 1) throw new Error("workers exited with 1\nMiniflareCoreError [ERR_ADDRESS_IN_USE]: Failed to start workerd");
      return "up";
    });
    expect(started).toBe("up");
    expect(calls).toBe(2);
  });

  it("gives up after three attempts, and never retries other failures", async () => {
    let calls = 0;
    await expect(
      retryOnAddressInUse(async () => {
        calls += 1;
        throw new Error("listen EADDRINUSE: address already in use 127.0.0.1:8787");
      }),
    ).rejects.toThrow("EADDRINUSE");
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryOnAddressInUse(async () => {
        calls += 1;
        throw new Error("workers did not start in 120 s");
      }),
    ).rejects.toThrow("did not start");
    expect(calls).toBe(1);
  });
});
