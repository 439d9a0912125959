import { describe, expect, it } from "vitest";
import type { SandboxDriver } from "../driver/sandbox-driver.ts";
import { failureReason, mergeByTime, readGatewayLogs } from "./gateway-logs.ts";

describe("mergeByTime", () => {
  it("interleaves stdout and stderr by their timestamps; untimed lines stay with the line before", () => {
    const stdout = ["2026-11-29T09:11:10.100+00:00 [gateway] starting", "2026-11-29T09:11:12.000+00:00 [gateway] ready"];
    const stderr = ["2026-11-29T09:11:11.000+00:00 [telegram] failed", "    at stack line", "2026-11-29T09:11:13.000Z [gateway] later"];
    expect(mergeByTime(stdout, stderr)).toEqual([stdout[0], stderr[0], stderr[1], stdout[1], stderr[2]]);
  });
});

describe("readGatewayLogs", () => {
  const token = "gateway-token-0123456789abcdef";
  const source = (stdout: string, stderr = "") => ({
    driver: () => ({ processLogs: async () => ({ stdout, stderr }) }) as unknown as SandboxDriver,
    knownSecrets: () => [token],
  });

  it("returns the last lines, redacted and cut to a bounded length", async () => {
    const stdout = ["one", `two ${token}`, "x".repeat(3000), "four", ""].join("\n");
    const lines = await readGatewayLogs(source(stdout), "gateway", 3);
    expect(lines).toEqual(["two [redacted]", `${"x".repeat(2000)}…`, "four"]);
  });
});

describe("failureReason", () => {
  const out = (stderr: string, stdout = "") => ({ stdout, stderr });

  it("is the last non-blank line of stderr (stdout when stderr is empty), cut to 500 characters", () => {
    expect(failureReason(out("first\nError: port in use\n\n"), [])).toBe("Error: port in use");
    expect(failureReason(out("", "only stdout\n"), [])).toBe("only stdout");
    expect(failureReason(out(`${"x".repeat(600)}\n`), [])).toHaveLength(500);
    expect(failureReason(out(""), [])).toBe("");
  });

  it("never carries a secret the runtime knows", () => {
    const token = "gateway-token-0123456789abcdef";
    expect(failureReason(out(`Error: bad token ${token}`), [token])).not.toContain(token);
  });
});
