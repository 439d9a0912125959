/** How a passed-through stream ended: its source finished, its source failed, or its reader cancelled. */
export type StreamEnd = { kind: "done" } | { kind: "broken"; error: unknown } | { kind: "cancelled" };

export interface PassThroughHooks {
  /** Sees every chunk as it goes out. */
  onChunk?: (chunk: Uint8Array) => void;
  /** Runs exactly once, however the stream ends. */
  onEnd: (end: StreamEnd) => void;
  /**
   * When the source broke: the last bytes to send before the stream closes (a terminal event
   * its reader understands). Without it, the reader gets the source's error.
   */
  finalChunk?: (error: unknown) => Uint8Array;
}

/**
 * Passes `source` through chunk by chunk with nothing read ahead of the reader (so a
 * stream streams, and a reader that stops reading stops the source), and tells `onEnd` once
 * how it ended. The API's model proxy meters with it; the runtime ends a broken turn with it.
 */
export function passThrough(source: ReadableStream<Uint8Array>, hooks: PassThroughHooks): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let ended = false;
  /** False when the stream had already ended (a cancel came first). */
  const end = (how: StreamEnd): boolean => {
    if (ended) return false;
    ended = true;
    hooks.onEnd(how);
    return true;
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let read: Awaited<ReturnType<typeof reader.read>>;
        try {
          read = await reader.read();
        } catch (error) {
          if (!end({ kind: "broken", error })) return; // cancelled meanwhile: the reader is gone
          if (!hooks.finalChunk) return controller.error(error);
          controller.enqueue(hooks.finalChunk(error));
          return controller.close();
        }
        // A cancel also settles the read in flight; nothing more goes out after it.
        if (ended) return;
        if (read.done) {
          end({ kind: "done" });
          return controller.close();
        }
        controller.enqueue(read.value);
        hooks.onChunk?.(read.value);
      },
      cancel(reason) {
        end({ kind: "cancelled" });
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
