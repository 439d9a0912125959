import { describe, expect, it } from "vitest";
import { isReadyAnswer } from "./readiness.ts";

describe("isReadyAnswer", () => {
  it("is ready on 200, and on 503 when only channel accounts fail", () => {
    expect(isReadyAnswer(200, { ready: true, failing: [] })).toBe(true);
    expect(isReadyAnswer(200, null)).toBe(true);
    expect(isReadyAnswer(503, { ready: false, failing: ["telegram"] })).toBe(true);
  });

  it("is not ready while starting, draining, or when anything but a channel fails", () => {
    expect(isReadyAnswer(503, { ready: false, failing: [] })).toBe(false);
    expect(isReadyAnswer(503, { ready: false })).toBe(false);
    expect(isReadyAnswer(503, null)).toBe(false);
    expect(isReadyAnswer(503, { ready: false, failing: ["telegram", "agent-database:main"] })).toBe(false);
    expect(isReadyAnswer(503, { ready: false, failing: ["plugin-reload"] })).toBe(false);
    expect(isReadyAnswer(502, { failing: ["telegram"] })).toBe(false);
  });
});
