import { describe, expect, it } from "vitest";
import { TurnsInFlight, parseTurnSurface } from "./turns-in-flight.ts";

describe("turns in flight", () => {
  it("bill a model call to the one surface with turns running, the gateway when none, several when more", () => {
    const turns = new TurnsInFlight();
    expect(turns.surface()).toBe("gateway");
    const website = turns.begin("website");
    const website2 = turns.begin("website");
    expect(turns.surface()).toBe("website");
    const api = turns.begin("api");
    expect(turns.surface()).toBe("several");
    api();
    api(); // ending twice counts once
    website();
    expect(turns.surface()).toBe("website");
    website2();
    expect(turns.surface()).toBe("gateway");
    turns.begin(null)();
    expect(turns.surface()).toBe("gateway");
  });

  it("take only the surfaces the API names", () => {
    expect(parseTurnSurface("threads")).toBe("threads");
    for (const other of ["gateway", "several", "", "Website", null, undefined]) expect(parseTurnSurface(other)).toBeNull();
  });
});
