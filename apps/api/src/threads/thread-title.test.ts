import { describe, expect, it } from "vitest";
import { TITLE_FROM_TEXT_MAX, titleFromUserText } from "./thread-title.ts";

describe("titleFromUserText", () => {
  it("takes the first line with text, whitespace collapsed", () => {
    expect(titleFromUserText("  Plan a trip to Lisbon\nwith kids")).toBe("Plan a trip to Lisbon");
    expect(titleFromUserText("\n\n   \n  hello \t  world  \nmore")).toBe("hello world");
    expect(titleFromUserText("one line\r\nsecond")).toBe("one line");
  });

  it("is null for a message without text", () => {
    expect(titleFromUserText("")).toBeNull();
    expect(titleFromUserText(" \n\t\n ")).toBeNull();
  });

  it("cuts a long line at a word boundary with an ellipsis", () => {
    const title = titleFromUserText("Summarise the quarterly report and list every action item the team agreed on last week")!;
    expect(Array.from(title).length).toBeLessThanOrEqual(TITLE_FROM_TEXT_MAX);
    expect(title).toBe("Summarise the quarterly report and list every action item…");
  });

  it("cuts one long word where it must, and never splits a character outside the BMP", () => {
    const url = `https://example.com/${"a".repeat(100)}`;
    expect(titleFromUserText(url)).toBe(`${url.slice(0, TITLE_FROM_TEXT_MAX - 1)}…`);
    const emoji = "🦀".repeat(70);
    expect(titleFromUserText(emoji)).toBe(`${"🦀".repeat(TITLE_FROM_TEXT_MAX - 1)}…`);
  });

  it("keeps a line of exactly the limit whole", () => {
    const exact = "x".repeat(TITLE_FROM_TEXT_MAX);
    expect(titleFromUserText(exact)).toBe(exact);
  });
});
