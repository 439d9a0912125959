import { describe, expect, it } from "vitest";
import { gatewayOutcome } from "./gateway-outcome.ts";

describe("gatewayOutcome", () => {
  it("says the gateway restarted with the change", () => {
    expect(gatewayOutcome({ reconfigured: true, state: "running" }, "saved")).toEqual({
      tone: "success",
      text: "The bot token is saved and your OpenClaw restarted with it (now running).",
    });
  });

  it("says the gateway restarted without a removed bot", () => {
    expect(gatewayOutcome({ reconfigured: true, state: "starting" }, "removed").text).toBe("The Telegram bot is removed and your OpenClaw restarted without it (now starting).");
  });

  it("says a missing instance picks it up later", () => {
    expect(gatewayOutcome({ reconfigured: false, reason: "no_instance" }, "removed").text).toBe("The Telegram bot is removed. Your OpenClaw picks it up when you create it.");
  });

  it("says a failed restart keeps the change and what to do", () => {
    const outcome = gatewayOutcome({ reconfigured: false, reason: "failed", error: { code: "gateway_unavailable", message: "the runtime did not answer" } }, "saved");
    expect(outcome.tone).toBe("warning");
    expect(outcome.text).toContain("could not be restarted with it (the runtime did not answer)");
    expect(outcome.text).toContain("Restart it");
  });
});
