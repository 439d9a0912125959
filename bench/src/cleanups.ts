/**
 * Everything the benchmark started and must stop: run by `finally` and on SIGINT/SIGTERM,
 * newest first. A task may be registered before its resource is up (a start in flight).
 */
export class Cleanups {
  readonly #tasks = new Set<() => Promise<void>>();

  /** Registers `task`; the returned function runs it now (once) and unregisters it. */
  add(task: () => Promise<void>): () => Promise<void> {
    let done: Promise<void> | null = null;
    const once = () => (done ??= task().catch((error: unknown) => console.error(`cleanup failed: ${(error as Error).message}`)));
    this.#tasks.add(once);
    return async () => {
      this.#tasks.delete(once);
      await once();
    };
  }

  async runAll(): Promise<void> {
    for (const task of [...this.#tasks].reverse()) {
      this.#tasks.delete(task);
      await task();
    }
  }
}
