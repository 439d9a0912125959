/** Bad command-line or environment input. */
export class UsageError extends Error {}

/** A step failed for a reason outside the caller's input, e.g. openclaw refused an archive. */
export class LauncherError extends Error {}

/** `restore` refused to touch the state of a gateway that is still running. */
export class GatewayRunningError extends Error {}

export const EXIT_CODES = { ok: 0, failed: 1, usage: 2, gatewayRunning: 3 } as const;

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT_CODES.usage;
  if (error instanceof GatewayRunningError) return EXIT_CODES.gatewayRunning;
  return EXIT_CODES.failed;
}
