import type { SandboxDriver } from "../driver/sandbox-driver.ts";
import { RuntimeError } from "../http/errors.ts";
import { redactSecrets } from "./redact-secrets.ts";

/** Default and bounds of `GET /v1/tenant/logs?lines=`. */
export const DEFAULT_LOG_LINES = 200;
export const MAX_LOG_LINES = 500;
/** A single line is cut here: the answer stays small whatever a process prints. */
const MAX_LINE_CHARS = 2000;
/** OpenClaw starts each log line with an ISO time, which orders stdout and stderr together. */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/;

/** What reading a tenant's gateway logs needs from the runtime: its sandbox and the secrets it holds. */
export interface GatewayLogSource {
  driver(): SandboxDriver;
  /** Every secret the runtime knows for this tenant (gateway token, provider key, channel tokens). */
  knownSecrets(): string[];
}

/**
 * The last `count` lines of the gateway process's output (stdout and stderr merged in time
 * order), every secret the runtime knows replaced by `[redacted]`. Redaction runs on the
 * whole text before it is cut into lines, so a secret split across a line cut cannot slip out.
 */
export async function readGatewayLogs(source: GatewayLogSource, processId: string, count: number): Promise<string[]> {
  const { stdout, stderr } = await source
    .driver()
    .processLogs(processId)
    .catch((error: unknown) => {
      console.error("gateway logs unreadable", error instanceof Error ? error.message : String(error));
      throw new RuntimeError("gateway_unavailable", 502, "the gateway's sandbox did not answer; its logs cannot be read now");
    });
  const secrets = source.knownSecrets();
  const lines = mergeByTime(splitLines(redactSecrets(stdout, secrets)), splitLines(redactSecrets(stderr, secrets)));
  return lines.slice(-count).map((line) => (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line));
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}

/**
 * Merges two streams' lines by their leading timestamps; a line without one keeps the time of
 * the line before it (a stack trace stays under its message). Stable: stdout first on ties.
 */
export function mergeByTime(stdout: readonly string[], stderr: readonly string[]): string[] {
  const stamped = (lines: readonly string[]) => {
    let at = 0;
    return lines.map((line) => {
      const time = Date.parse(TIMESTAMP.exec(line)?.[0] ?? "");
      if (!Number.isNaN(time)) at = time;
      return { line, at };
    });
  };
  const a = stamped(stdout);
  const b = stamped(stderr);
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.at <= b[j]!.at)) merged.push(a[i++]!.line);
    else merged.push(b[j++]!.line);
  }
  return merged;
}

/**
 * The reason in a "failed: <reason>" message, which the status shows: the last line of a
 * process's stderr (its stdout when stderr is empty), every secret the runtime knows
 * replaced by `[redacted]`, cut short.
 */
export function failureReason(output: { stdout: string; stderr: string }, secrets: string[]): string {
  return (
    redactSecrets(output.stderr || output.stdout, secrets)
      .trim()
      .split("\n")
      .at(-1)
      ?.slice(0, 500) ?? ""
  );
}
