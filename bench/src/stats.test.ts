import { describe, expect, it } from "vitest";
import { gapDeviations, longestGap, median, percentile, round } from "./stats.ts";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("refuses an empty list", () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe("percentile", () => {
  it("interpolates between the closest ranks", () => {
    const values = [10, 20, 30, 40, 50];
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 95)).toBeCloseTo(48);
    expect(percentile(values, 25)).toBe(20);
  });

  it("refuses a percentile outside 0..100", () => {
    expect(() => percentile([1], 101)).toThrow(/out of range/);
    expect(() => percentile([1], Number.NaN)).toThrow(/out of range/);
  });
});

describe("round", () => {
  it("keeps the given number of decimals", () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.5, 0)).toBe(2);
    expect(round(1234.5678, 1)).toBe(1234.6);
  });
});

describe("gapDeviations", () => {
  it("compares each gap between consecutive events on the two timelines", () => {
    // Source gaps 5, 5, 5; client gaps 5, 9, 1 (one delta held back, then released).
    expect(gapDeviations([0, 5, 10, 15], [100, 105, 114, 115])).toEqual([0, 4, 4]);
  });

  it("ignores a constant offset between the clocks", () => {
    expect(gapDeviations([1, 2, 4], [1001, 1002, 1004])).toEqual([0, 0]);
  });

  it("has no gaps for fewer than two events", () => {
    expect(gapDeviations([3], [9])).toEqual([]);
  });

  it("refuses timelines of different lengths", () => {
    expect(() => gapDeviations([1, 2], [1])).toThrow(/differ in length/);
  });
});

describe("longestGap", () => {
  it("finds the longest stretch without an answer, counting the window's edges", () => {
    expect(longestGap([12, 10.5, 15], 10, 16)).toBe(3);
    expect(longestGap([11, 12], 10, 20)).toBe(8);
    expect(longestGap([], 10, 20)).toBe(10);
  });

  it("ignores answers outside the window", () => {
    expect(longestGap([5, 11, 25], 10, 20)).toBe(9);
  });
});
