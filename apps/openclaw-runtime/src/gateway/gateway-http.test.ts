import { describe, expect, it } from "vitest";
import { isReservedSessionKey } from "./gateway-http.ts";

describe("isReservedSessionKey", () => {
  it.each(["subagent:x", "cron:daily", "acp:1", "agent:main:subagent:abc", "CRON:x"])("reserves %s", (key) => {
    expect(isReservedSessionKey(key)).toBe(true);
  });
  it.each(["main", "agent:main:main", "webchat:alice", "agent:main:openai-user:bob"])("allows %s", (key) => {
    expect(isReservedSessionKey(key)).toBe(false);
  });
});
