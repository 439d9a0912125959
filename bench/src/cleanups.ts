/**
 * Everything the benchmark started and must stop: run by `finally` and on SIGINT/SIGTERM,
 * newest first. A task may be registered before its resource is up (a start in flight).
 */
export class Cleanups {
  readonly #tasks = new Set<() => Promise<void>>();
  #running: Promise<void> | null = null;
  #closed = false;

  /**
   * Registers `task`; the returned function runs it now (once) and unregisters it. Once
   * cleanup has begun, a late registration (a start that was already under way) runs at once.
   */
  add(task: () => Promise<void>): () => Promise<void> {
    let done: Promise<void> | null = null;
    const once = () => (done ??= task().catch((error: unknown) => console.error(`cleanup failed: ${(error as Error).message}`)));
    if (this.#closed) void once();
    else this.#tasks.add(once);
    return async () => {
      this.#tasks.delete(once);
      await once();
    };
  }

  /** Runs every registered task; a call while a run is under way joins that run. */
  runAll(): Promise<void> {
    this.#closed = true;
    this.#running ??= (async () => {
      for (const task of [...this.#tasks].reverse()) {
        this.#tasks.delete(task);
        await task();
      }
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }
}
