import { describe, expect, it } from "vitest";
import { availabilityOf } from "./instance-view.ts";

describe("availabilityOf", () => {
  it("tells a UI whether the next request waits for a wake", () => {
    expect(availabilityOf({ state: "running", lastError: null })).toMatchObject({ ready: true, waking: false });
    expect(availabilityOf({ state: "sleeping", lastError: null })).toMatchObject({ ready: false, waking: true, message: expect.stringContaining("wakes") });
    expect(availabilityOf({ state: "starting", lastError: null })).toMatchObject({ waking: true });
    expect(availabilityOf({ state: "error", lastError: "port in use" }).message).toContain("gateway failed to start: port in use");
  });

  it("says when a running gateway does not answer, and when a crashed one restarts", () => {
    expect(availabilityOf({ state: "running", lastError: null, notAnsweringSince: "2026-11-29T12:00:00.000Z" })).toMatchObject({ ready: false, message: expect.stringContaining("not answering") });
    expect(availabilityOf({ state: "error", lastError: "gateway exited", nextRestartAt: "2026-11-29T12:00:02.000Z" })).toMatchObject({
      waking: true,
      message: expect.stringContaining("restarting by itself"),
    });
  });
});
