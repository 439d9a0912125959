import { describe, expect, it } from "vitest";
import { DEFAULT_LAYOUT, layoutColumns, type LayoutOptions } from "./hatchery-layout.ts";

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** Whether two node boxes share any area. */
function overlap(a: { x: number; y: number }, b: { x: number; y: number }, o: LayoutOptions): boolean {
  return a.x < b.x + o.nodeWidth && b.x < a.x + o.nodeWidth && a.y < b.y + o.nodeHeight && b.y < a.y + o.nodeHeight;
}

describe("layoutColumns", () => {
  it("puts each kind in its own column, left to right, rows in the given order", () => {
    const { positions, headers } = layoutColumns([
      { key: "chats", ids: ["t1", "t2"] },
      { key: "openclaw", ids: ["instance"] },
      { key: "sessions", ids: ["s1", "s2", "s3"] },
    ]);
    expect(headers.map((h) => h.key)).toEqual(["chats", "openclaw", "sessions"]);
    expect(positions.get("t1")!.x).toBe(0);
    expect(positions.get("t1")!.y).toBeLessThan(positions.get("t2")!.y);
    expect(positions.get("instance")!.x).toBeGreaterThan(positions.get("t1")!.x);
    expect(positions.get("s1")!.x).toBeGreaterThan(positions.get("instance")!.x);
    expect([positions.get("s1")!.y, positions.get("s2")!.y, positions.get("s3")!.y]).toEqual(
      [0, 1, 2].map((row) => DEFAULT_LAYOUT.headerHeight + row * (DEFAULT_LAYOUT.nodeHeight + DEFAULT_LAYOUT.gap)),
    );
  });

  it("wraps a long column into sub-columns of at most maxRows, and the next column starts after them", () => {
    const { positions, headers } = layoutColumns([
      { key: "sessions", ids: ids("s", 25) },
      { key: "devices", ids: ["d0"] },
    ]);
    const xs = new Set(ids("s", 25).map((id) => positions.get(id)!.x));
    expect(xs.size).toBe(3);
    expect(positions.get("s10")!.y).toBe(positions.get("s0")!.y);
    expect(positions.get("s10")!.x).toBeGreaterThan(positions.get("s9")!.x);
    expect(headers[0]!.width).toBe(3 * DEFAULT_LAYOUT.nodeWidth + 2 * DEFAULT_LAYOUT.gap);
    expect(positions.get("d0")!.x).toBe(headers[0]!.width + DEFAULT_LAYOUT.columnGap);
  });

  it("never overlaps two nodes, even with 50 threads, 50 sessions and everything else", () => {
    const columns = [
      { key: "chats", ids: ids("t", 50) },
      { key: "approvals", ids: ids("a", 7) },
      { key: "openclaw", ids: ["instance"] },
      { key: "sessions", ids: ids("s", 50) },
      { key: "devices", ids: ids("d", 12) },
    ];
    const { positions } = layoutColumns(columns);
    const all = [...positions.values()];
    expect(all).toHaveLength(120);
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!, DEFAULT_LAYOUT)).toBe(false);
    // Readable at a glance: no column is taller than maxRows nodes.
    const tallest = Math.max(...all.map((p) => p.y));
    expect(tallest).toBe(DEFAULT_LAYOUT.headerHeight + (DEFAULT_LAYOUT.maxRows - 1) * (DEFAULT_LAYOUT.nodeHeight + DEFAULT_LAYOUT.gap));
  });

  it("keeps an empty column's place with one node's width", () => {
    const { headers } = layoutColumns([
      { key: "chats", ids: [] },
      { key: "openclaw", ids: ["instance"] },
    ]);
    expect(headers[0]!.width).toBe(DEFAULT_LAYOUT.nodeWidth);
    expect(headers[1]!.x).toBe(DEFAULT_LAYOUT.nodeWidth + DEFAULT_LAYOUT.columnGap);
  });
});
