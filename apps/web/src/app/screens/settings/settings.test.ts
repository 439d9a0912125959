import { describe, expect, it } from "vitest";
import { gatewayOutcome } from "./gateway-outcome.ts";
import { openaiExample } from "./openai-example.ts";
import { surfaceBreakdown } from "./usage-surfaces.ts";

describe("gatewayOutcome", () => {
  it("says whether the running OpenClaw took the change", () => {
    expect(gatewayOutcome("saved", { reconfigured: true, state: "running" })).toEqual({
      tone: "success",
      text: expect.stringMatching(/^Key saved\. Your OpenClaw restarted/),
    });
    expect(gatewayOutcome("deleted", { reconfigured: false, reason: "no_instance" }).text).toMatch(/^Key deleted\. You have no OpenClaw yet/);
  });

  it("words a failed reconfiguration through the error sentences and keeps the change", () => {
    const outcome = gatewayOutcome("saved", { reconfigured: false, reason: "failed", error: { code: "gateway_unavailable", message: "runtime answered 502" } });
    expect(outcome.tone).toBe("warning");
    expect(outcome.text).toContain("did not answer");
    expect(outcome.text).not.toContain("gateway_unavailable");
    expect(outcome.text).toContain("The change stands");
  });
});

describe("openaiExample", () => {
  it("points the openai SDK at this site's OpenResponses endpoint with the token", () => {
    const code = openaiExample("oc_abc", "https://claw.example");
    expect(code).toContain(`new OpenAI({\n  apiKey: "oc_abc",\n  baseURL: "https://claw.example/api/openclaw/v1",\n})`);
    expect(code).toContain(`client.responses.create({ model: "openclaw", input: "hello" })`);
  });
});

describe("surfaceBreakdown", () => {
  it("names each surface a day's OpenClaw spending came from, largest first", () => {
    expect(surfaceBreakdown({ api: 40, website: 120, gateway: 0 })).toBe("website 120 · API 40");
    expect(surfaceBreakdown({ gateway: 3, unrecorded: 9 }, (n) => `${n}c`)).toBe("not recorded 9c · channels, schedules, Control UI 3c");
    expect(surfaceBreakdown({})).toBe("");
  });
});
