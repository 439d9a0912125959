import { describe, expect, it } from "vitest";
import { agentName, ownerOfAgent } from "./thread-name.ts";

describe("agentName", () => {
  it("round-trips user ids with the characters the api allows", () => {
    const owner = { userId: "user_01H|a:b.c@d+e-f", threadId: "k57abc0123xyz" };
    const name = agentName(owner);
    expect(name).not.toMatch(/[/|:@+]/);
    expect(ownerOfAgent(name)).toEqual(owner);
  });

  it("gives two users' threads of the same id different names", () => {
    expect(agentName({ userId: "a", threadId: "k57abc0123" })).not.toBe(agentName({ userId: "b", threadId: "k57abc0123" }));
  });

  it("refuses a name it never made", () => {
    expect(() => ownerOfAgent("just-a-name")).toThrow();
  });
});
