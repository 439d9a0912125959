import type { BillingSummary } from "@openclaw-cloud/contracts/web-views";

type SurfaceUsage = BillingSummary["usageByDay"][number]["openclawBySurface"];

/** How the website names each surface a model call is billed to (contracts' MODEL_CALL_SURFACES), in the order shown. */
const SURFACE_LABELS: Record<keyof SurfaceUsage, string> = {
  website: "website",
  api: "API",
  threads: "thread tools",
  gateway: "channels, schedules, Control UI",
  several: "several at once",
  unrecorded: "not recorded",
};

/**
 * One day's OpenClaw spending by surface, largest first, as "website 120 · API 40". Pure.
 *
 * @example surfaceBreakdown({ api: 40, website: 120 }) // "website 120 · API 40"
 */
export function surfaceBreakdown(usage: SurfaceUsage, format: (n: number) => string = String): string {
  return (Object.entries(usage) as Array<[keyof SurfaceUsage, number]>)
    .filter(([, credits]) => credits > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([surface, credits]) => `${SURFACE_LABELS[surface]} ${format(credits)}`)
    .join(" · ");
}
