import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { StringDecoder } from "node:string_decoder";
import { HttpError } from "./errors.ts";
import { interleave, LogBuffer, type TaggedChunk } from "./log-buffer.ts";
import { signalTree, spawnFailureExitCode, spawnFailureMessage, spawnGroupLeader, terminateTree, type SpawnSpec } from "./process-tree.ts";

/** Tail of each output stream kept per process (characters, roughly bytes for logs). */
const LOG_CAP_CHARS = 1024 * 1024;
const MAX_RUNNING_PROCESSES = 32;
/** Finished processes are kept for their logs, up to this many records per sandbox. */
const MAX_PROCESS_RECORDS = 100;

export type ProcessStatus = "running" | "exited" | "killed";
export type OutputStream = "stdout" | "stderr";
export type OutputChunk = TaggedChunk<OutputStream>;

export type ProcessInfo = {
  id: string;
  pid: number | null;
  argv: readonly string[];
  status: ProcessStatus;
  exitCode: number | null;
  signal: string | null;
  startedAt: string;
  endedAt: string | null;
};

/** A long-lived process: leader of its own process group, with a tail of its output. */
export class ManagedProcess {
  readonly id: string;
  readonly argv: readonly string[];
  readonly pid: number | undefined;
  readonly #startedAt = new Date();
  #endedAt: Date | undefined;
  #exitCode: number | null = null;
  #signal: string | null = null;
  #killRequested = false;
  #seq = 0;
  readonly #logs: Record<OutputStream, LogBuffer> = { stdout: new LogBuffer(LOG_CAP_CHARS), stderr: new LogBuffer(LOG_CAP_CHARS) };
  readonly #output = new EventEmitter<{ chunk: [OutputChunk] }>();
  /** Resolves once the program is running or has failed to start. */
  readonly started: Promise<void>;
  /** Resolves when the leader has exited. */
  readonly exited: Promise<void>;
  /** Resolves when the leader has exited and its output pipes are drained. */
  readonly finished: Promise<void>;

  constructor(id: string, spec: SpawnSpec) {
    this.id = id;
    this.argv = spec.argv;
    const child = spawnGroupLeader(spec, "ignore");
    this.pid = child.pid;
    this.#collect(child, "stdout");
    this.#collect(child, "stderr");
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.#ended(code, signal);
        // Stragglers of a finished leader are useless and would leak; the group goes with it.
        if (this.pid !== undefined) signalTree(this.pid, "SIGKILL");
        resolve();
      });
      child.once("error", (error: NodeJS.ErrnoException) => {
        if (this.pid !== undefined) return; // errors after a successful spawn also end in "exit"
        this.#append("stderr", spawnFailureMessage(spec.argv[0]!, error));
        this.#ended(spawnFailureExitCode(error), null);
        resolve();
      });
    });
    this.started = new Promise((resolve) => {
      child.once("spawn", resolve);
      void this.exited.then(resolve);
    });
    this.finished = new Promise((resolve) => child.once("close", () => void this.exited.then(() => resolve())));
  }

  get running(): boolean {
    return this.#endedAt === undefined;
  }

  info(): ProcessInfo {
    return {
      id: this.id,
      pid: this.pid ?? null,
      argv: this.argv,
      status: this.running ? "running" : this.#killRequested ? "killed" : "exited",
      exitCode: this.#exitCode,
      signal: this.#signal,
      startedAt: this.#startedAt.toISOString(),
      endedAt: this.#endedAt?.toISOString() ?? null,
    };
  }

  logs(): Record<OutputStream, string> {
    return { stdout: this.#logs.stdout.text(), stderr: this.#logs.stderr.text() };
  }

  /** The buffered output in production order, then every new chunk until unsubscribed. */
  follow(onChunk: (chunk: OutputChunk) => void): () => void {
    for (const chunk of interleave({ stdout: this.#logs.stdout.chunks(), stderr: this.#logs.stderr.chunks() })) onChunk(chunk);
    this.#output.on("chunk", onChunk);
    return () => this.#output.off("chunk", onChunk);
  }

  /** Signals the whole tree, escalating to SIGKILL after `graceMs`; resolves once the leader is gone. */
  async kill(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    // A finished leader's tree was swept when it exited; its pid may belong to someone else by now.
    if (this.pid === undefined || !this.running) return;
    this.#killRequested = true;
    await terminateTree(this.pid, signal, graceMs);
    await this.exited;
  }

  /** For the host's exit handler, where nothing asynchronous runs any more. */
  killSync(): void {
    if (this.pid !== undefined && this.running) signalTree(this.pid, "SIGKILL");
  }

  #collect(child: ChildProcess, stream: OutputStream): void {
    const decoder = new StringDecoder("utf8"); // keeps multi-byte characters whole across chunks
    const source = child[stream];
    source?.on("data", (data: Buffer) => this.#append(stream, decoder.write(data)));
    source?.on("end", () => this.#append(stream, decoder.end()));
  }

  #append(stream: OutputStream, text: string): void {
    if (text === "") return;
    const chunk = { seq: this.#seq++, text };
    this.#logs[stream].append(chunk);
    this.#output.emit("chunk", { ...chunk, stream });
  }

  #ended(code: number | null, signal: NodeJS.Signals | null): void {
    this.#exitCode = code;
    this.#signal = signal;
    this.#endedAt = new Date();
  }
}

/** The processes of one sandbox, addressable by id (caller-chosen or generated) or by pid. */
export class ProcessTable {
  readonly #byId = new Map<string, ManagedProcess>();
  #counter = 0;

  start(spec: SpawnSpec, requestedId: string | undefined): ManagedProcess {
    const existing = requestedId === undefined ? undefined : this.#byId.get(requestedId);
    if (existing?.running) throw new HttpError("process_exists", 409, `process ${requestedId} is still running`);
    const running = this.list().filter((entry) => entry.running).length;
    if (running >= MAX_RUNNING_PROCESSES) {
      throw new HttpError("too_many_processes", 429, `a sandbox runs at most ${MAX_RUNNING_PROCESSES} processes`);
    }
    const id = requestedId ?? this.#generateId();
    this.#byId.delete(id); // a restarted id moves to the end of the insertion order
    const started = new ManagedProcess(id, spec);
    this.#byId.set(id, started);
    this.#prune();
    return started;
  }

  list(): ManagedProcess[] {
    return [...this.#byId.values()];
  }

  find(idOrPid: string): ManagedProcess | undefined {
    return this.#byId.get(idOrPid) ?? this.list().find((entry) => String(entry.pid) === idOrPid);
  }

  killAll(graceMs: number): Promise<void> {
    return Promise.all(this.list().map((entry) => entry.kill("SIGTERM", graceMs))).then(() => undefined);
  }

  killAllSync(): void {
    for (const entry of this.#byId.values()) entry.killSync();
  }

  #generateId(): string {
    let id: string;
    do id = `proc-${++this.#counter}`;
    while (this.#byId.has(id));
    return id;
  }

  #prune(): void {
    for (const [id, entry] of this.#byId) {
      if (this.#byId.size <= MAX_PROCESS_RECORDS) return;
      if (!entry.running) this.#byId.delete(id);
    }
  }
}
