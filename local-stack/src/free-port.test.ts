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
    /** How often `retryOnAddressInUse` starts something that always fails with `message`, and the error it ends with. */
    const attemptsOn = async (message: string) => {
      let calls = 0;
      const failure = await retryOnAddressInUse(async () => {
        calls += 1;
        throw new Error(message);
      }).catch((error: Error) => error);
      return { calls, failure };
    };
    const inUse = await attemptsOn("listen EADDRINUSE: address already in use 127.0.0.1:8787");
    expect(inUse.failure.message).toContain("EADDRINUSE");
    expect(inUse.calls).toBe(3);
    const other = await attemptsOn("workers did not start in 120 s");
    expect(other.failure.message).toContain("did not start");
    expect(other.calls).toBe(1);
  });
});
