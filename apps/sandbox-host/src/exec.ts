import { constants } from "node:os";
import type { Readable } from "node:stream";
import { signalTree, spawnFailureExitCode, spawnFailureMessage, spawnGroupLeader, type SpawnSpec } from "./process-tree.ts";

/** Captured output per stream; output beyond it is dropped and flagged. */
const EXEC_OUTPUT_CAP_BYTES = 4 * 1024 * 1024;

/** Exit code reported when the timeout killed the command (as GNU `timeout` does). */
const TIMEOUT_EXIT_CODE = 124;

export type ExecResult = {
  exitCode: number;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  durationMs: number;
};

type Capture = { text: () => string; truncated: () => boolean };

function capture(stream: Readable, capBytes: number): Capture {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let truncated = false;
  stream.on("data", (chunk: Buffer) => {
    const room = capBytes - bytes;
    if (chunk.length > room) truncated = true;
    if (room <= 0) return;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    chunks.push(kept);
    bytes += kept.length;
  });
  return { text: () => Buffer.concat(chunks).toString("utf8"), truncated: () => truncated };
}

export type ExecOptions = SpawnSpec & {
  timeoutMs: number;
  stdin?: string;
  /** Aborting kills the command (the caller went away). */
  signal?: AbortSignal;
  /** Told about the process group while it runs, so a host shutdown can kill it. */
  onGroup?: (pgid: number, running: boolean) => void;
};

/**
 * Runs a command to completion. When the leader exits, anything it left behind in its
 * tree is killed: exec is for commands that finish, long-lived work uses processes.
 */
export function runExec(options: ExecOptions): Promise<ExecResult> {
  const started = performance.now();
  const child = spawnGroupLeader(options, "pipe");
  const stdout = capture(child.stdout!, EXEC_OUTPUT_CAP_BYTES);
  const stderr = capture(child.stderr!, EXEC_OUTPUT_CAP_BYTES);
  child.stdin!.on("error", () => {}); // the command may exit without reading its input
  child.stdin!.end(options.stdin ?? "");
  const pgid = child.pid;
  if (pgid !== undefined) options.onGroup?.(pgid, true);

  return new Promise((resolve) => {
    let timedOut = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const kill = () => {
      if (pgid !== undefined) signalTree(pgid, "SIGKILL");
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    options.signal?.addEventListener("abort", kill, { once: true });

    const finish = (result: { exitCode: number; signal: string | null; stderrPrefix?: string }) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", kill);
      if (pgid !== undefined) options.onGroup?.(pgid, false);
      resolve({
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut,
        stdout: stdout.text(),
        stderr: (result.stderrPrefix ?? "") + stderr.text(),
        stdoutTruncated: stdout.truncated(),
        stderrTruncated: stderr.truncated(),
        durationMs: Math.round(performance.now() - started),
      });
    };

    child.once("error", (error: NodeJS.ErrnoException) => {
      if (pgid !== undefined) return; // started, then failed later: "exit"/"close" still report it
      finish({ exitCode: spawnFailureExitCode(error), signal: null, stderrPrefix: spawnFailureMessage(options.argv[0]!, error) });
    });
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      kill(); // leftover background processes would hold the pipes open and keep "close" from firing
    });
    child.once("close", () => {
      if (exit === undefined) return;
      const signalNumber = exit.signal === null ? undefined : constants.signals[exit.signal];
      const exitCode = timedOut ? TIMEOUT_EXIT_CODE : (exit.code ?? 128 + (signalNumber ?? 0));
      finish({ exitCode, signal: exit.signal });
    });
  });
}
