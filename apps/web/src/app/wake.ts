import type { InstanceState } from "@openclaw-cloud/contracts/web-views";

/**
 * How long waking a sleeping OpenClaw takes, as the person is told: its gateway starts
 * again on its state, and its first answer comes after (`wake_s` in docs/benchmarks.md).
 */
export const WAKE_TIME = "10 to 20 seconds";

/**
 * What a screen shows while it waits for the gateway: a request to an OpenClaw that is asleep
 * (or starting) waits for it to wake, which is worth saying rather than "Loading…". Pure.
 */
export function waitingLabel(state: InstanceState | null, loading: string): string {
  return state === "sleeping" || state === "starting" ? `Waking your OpenClaw… (${WAKE_TIME})` : loading;
}
