/** Pure statistics for the benchmark: medians of noisy runs, percentiles of stream gaps. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Linear interpolation between the closest ranks (the common "R-7" definition). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Rounds to `digits` decimals; keeps the JSON line short without hiding differences. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * For two timelines of the same events (e.g. deltas as the model wrote them and as the
 * client read them), how much each gap between consecutive events was stretched or
 * squeezed on the way: |client gap - source gap| per gap.
 */
export function gapDeviations(source: readonly number[], client: readonly number[]): number[] {
  if (source.length !== client.length) throw new Error(`timelines differ in length: ${source.length} vs ${client.length}`);
  const deviations: number[] = [];
  for (let i = 1; i < source.length; i++) {
    deviations.push(Math.abs(client[i]! - client[i - 1]! - (source[i]! - source[i - 1]!)));
  }
  return deviations;
}

/**
 * The longest stretch of the window [from, to] without an answer: `answers` are the times
 * answers arrived (any order; those outside the window are ignored).
 */
export function longestGap(answers: readonly number[], from: number, to: number): number {
  const inside = answers.filter((at) => at >= from && at <= to).sort((a, b) => a - b);
  let longest = 0;
  let previous = from;
  for (const at of [...inside, to]) {
    longest = Math.max(longest, at - previous);
    previous = at;
  }
  return longest;
}
