import { describe, expect, it } from "vitest";
import { waitingLabel } from "./wake.ts";

describe("waitingLabel", () => {
  it("says the OpenClaw is waking while it is asleep or starting", () => {
    expect(waitingLabel("sleeping", "Loading sessions…")).toBe("Waking your OpenClaw… (10 to 20 seconds)");
    expect(waitingLabel("starting", "Loading sessions…")).toBe("Waking your OpenClaw… (10 to 20 seconds)");
  });

  it("keeps the screen's own words otherwise, and while the status is unknown", () => {
    expect(waitingLabel("running", "Loading sessions…")).toBe("Loading sessions…");
    expect(waitingLabel(null, "Loading the conversation…")).toBe("Loading the conversation…");
  });
});
