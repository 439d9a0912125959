import { describe, expect, it } from "vitest";
// A real `sessions_list` result (GET /api/openclaw/sessions → result) after a turn in `main` and one in `webchat-rec1`.
import recordedList from "./fixtures/sessions-list.json";
import { chatKeyOf, groupSessions, newChatKey, sessionItemsOf } from "./session-list.ts";

describe("sessionItemsOf on a recorded sessions_list", () => {
  it("lists each session with the key the chat uses and its last activity", () => {
    expect(sessionItemsOf(recordedList)).toEqual([
      { listKey: "agent:main:webchat-rec1", chatKey: "webchat-rec1", title: "webchat-rec1", group: "other", channel: "unknown", updatedAt: 1795944930340, preview: null },
      { listKey: "agent:main:main", chatKey: "main", title: "Main session", group: "main", channel: "unknown", updatedAt: 1795944921511, preview: null },
    ]);
  });

  it("puts main first, then channel conversations, then the rest, newest first", () => {
    const items = sessionItemsOf({
      details: {
        sessions: [
          { key: "agent:main:webchat-old", updatedAt: 1 },
          { key: "agent:main:telegram:direct:42", channel: "telegram", kind: "direct", displayName: "Ada", updatedAt: 5 },
          { key: "agent:main:webchat-new", label: "Trip plans", updatedAt: 9 },
          { key: "agent:main:main", updatedAt: 3 },
          { key: "agent:main:archived", archived: true },
        ],
      },
    });
    expect(groupSessions(items).map((section) => [section.label, section.items.map((item) => item.title)])).toEqual([
      ["Main", ["Main session"]],
      ["Channels", ["Ada"]],
      ["Other chats", ["Trip plans", "webchat-old"]],
    ]);
  });

  it("reads the text half when details are missing, and nothing from garbage", () => {
    const text = JSON.stringify({ sessions: [{ key: "agent:main:main" }] });
    expect(sessionItemsOf({ content: [{ type: "text", text }] }).map((item) => item.chatKey)).toEqual(["main"]);
    expect(sessionItemsOf(null)).toEqual([]);
    expect(sessionItemsOf({ details: { sessions: [{ nokey: true }, "x"] } })).toEqual([]);
  });
});

describe("session keys", () => {
  it("maps listed keys to the chat's keys", () => {
    expect(chatKeyOf("agent:main:main")).toBe("main");
    expect(chatKeyOf("agent:main:webchat-1")).toBe("webchat-1");
    expect(chatKeyOf("agent:main:telegram:direct:42")).toBe("telegram:direct:42");
    expect(chatKeyOf("main")).toBe("main");
  });

  it("makes fresh webchat keys", () => {
    expect(newChatKey(() => "0123e4567-e89b")).toBe("webchat-0123e4567e");
    expect(newChatKey()).toMatch(/^webchat-[0-9a-f]{10}$/);
  });
});
