/**
 * `wrangler dev` reloads the runtime worker whenever its sources change, and colleagues
 * edit them while the benchmark runs. A request in flight then fails with a 503 (its
 * Durable Object is reset too), so that sample says nothing about the runtime: it is
 * redone, and the number of redone samples is reported.
 */
export class WorkerRestartedError extends Error {
  constructor(what: string) {
    super(`${what}: wrangler dev reloaded the worker mid-request`);
    this.name = "WorkerRestartedError";
  }
}

/** wrangler's answer to a request that was in flight during a reload. */
export function isWorkerRestartAnswer(status: number, body: string): boolean {
  return status === 503 && body.includes("restarted mid-request");
}

const MAX_ATTEMPTS = 5;
let redone = 0;

/** Runs `sample` again (up to 5 times in all) when it failed because the worker reloaded. */
export async function redoOnWorkerRestart<T>(sample: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sample();
    } catch (error) {
      if (!(error instanceof WorkerRestartedError) || attempt >= MAX_ATTEMPTS) throw error;
      redone += 1;
    }
  }
}

export function redoneSamples(): number {
  return redone;
}
