import { describe, expect, it } from "vitest";
import { parseOpenclawVersion } from "./gateway-launch.ts";

describe("the OpenClaw version a launch names", () => {
  it("comes from the launcher's start line, not from dates in the lines before it", () => {
    const stdout =
      "[openclaw-cloud-gateway] restored the backup of 2026-12-07T18:17:33.214Z (21 entries) in 0.8 s\n[openclaw-cloud-gateway] starting openclaw 2026.9.6 gateway --port 18789 --bind lan\n";
    expect(parseOpenclawVersion(stdout)).toBe("2026.9.6");
  });

  it("is unknown when no line names one", () => {
    expect(parseOpenclawVersion("[openclaw-cloud-gateway] state is fresh: starting empty\n")).toBeNull();
  });
});
