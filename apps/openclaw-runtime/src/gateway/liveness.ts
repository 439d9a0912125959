/**
 * Whether a gateway still answers while something waits on it. A gateway process that is
 * frozen (SIGSTOP, a wedged event loop) still has its socket open: the kernel accepts
 * connections and the request just waits, for as long as the client does. A timeout on the
 * call itself cannot tell that from a long agent turn, so the call is left alone and the
 * gateway is probed beside it: a few probes in a row that get no answer end the call.
 */
export class GatewayTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GatewayTimeoutError";
  }
}

export interface LivenessTiming {
  probeEveryMs: number;
  probeTimeoutMs: number;
  /** Consecutive unanswered probes before the gateway counts as not answering. */
  missesAllowed: number;
}

/** Judged not answering after at most (4 + 5) × 2 = 18 s: well inside a client's 30 s. */
export const LIVENESS_TIMING: LivenessTiming = { probeEveryMs: 4_000, probeTimeoutMs: 5_000, missesAllowed: 2 };

/** A probe resolves true when the gateway answered (any answer); it should honour `signal`. */
export type LivenessProbe = (signal: AbortSignal) => Promise<boolean>;

export interface LivenessWatch {
  /** Rejects with GatewayTimeoutError once the gateway stops answering; never resolves. */
  readonly failed: Promise<never>;
  /** Aborted (with the same error) at that moment, for fetches that take a signal. */
  readonly signal: AbortSignal;
  stop(): void;
}

/** Runs `probe` once, counting no answer within `timeoutMs` (or a throw) as false. */
export async function probeWithin(probe: LivenessProbe, timeoutMs: number): Promise<boolean> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new GatewayTimeoutError(`no answer within ${timeoutMs} ms`));
      resolve(false);
    }, timeoutMs);
  });
  try {
    return await Promise.race([probe(controller.signal).catch(() => false), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Probes the gateway every `probeEveryMs` until stopped.
 *
 * @example
 * const watch = watchLiveness((signal) => answers(driver, signal));
 * try { return await Promise.race([driver.fetch(request, port), watch.failed]); } finally { watch.stop(); }
 */
export function watchLiveness(probe: LivenessProbe, timing: LivenessTiming = LIVENESS_TIMING): LivenessWatch {
  const controller = new AbortController();
  let reject: (error: GatewayTimeoutError) => void = () => {};
  const failed = new Promise<never>((_, rejectWith) => (reject = rejectWith));
  failed.catch(() => {});
  let stopped = false;
  let misses = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = async () => {
    const answered = await probeWithin(probe, timing.probeTimeoutMs);
    if (stopped) return;
    misses = answered ? 0 : misses + 1;
    if (misses >= timing.missesAllowed) {
      const error = new GatewayTimeoutError(`the gateway did not answer ${misses} probes in a row`);
      controller.abort(error);
      reject(error);
      return;
    }
    timer = setTimeout(tick, timing.probeEveryMs);
  };
  timer = setTimeout(tick, timing.probeEveryMs);
  return {
    failed,
    signal: controller.signal,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Races `work` against the watch, and stops the watch either way. */
export async function whileAnswering<T>(watch: LivenessWatch, work: Promise<T>): Promise<T> {
  try {
    return await Promise.race([work, watch.failed]);
  } finally {
    watch.stop();
  }
}

/**
 * Passes a body through while the watch runs; if the gateway stops answering mid-body the
 * reader gets the GatewayTimeoutError (an SSE consumer then ends the stream with its
 * terminal event) instead of waiting forever. The watch stops when the body ends.
 */
export function bodyWhileAnswering(body: ReadableStream<Uint8Array>, watch: LivenessWatch): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const result = await Promise.race([reader.read(), watch.failed]);
        if (result.done) {
          watch.stop();
          controller.close();
        } else controller.enqueue(result.value);
      } catch (error) {
        watch.stop();
        reader.cancel(error).catch(() => {});
        controller.error(error);
      }
    },
    cancel(reason) {
      watch.stop();
      return reader.cancel(reason);
    },
  });
}
