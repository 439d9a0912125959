export type LogChunk = { seq: number; text: string };

/**
 * Keeps the most recent output of one stream, bounded by `maxChars`. Chunks carry a
 * sequence number shared across a process's streams so followers can interleave
 * stdout and stderr in the order they were produced.
 */
export class LogBuffer {
  readonly #maxChars: number;
  #chunks: LogChunk[] = [];
  #size = 0;

  constructor(maxChars: number) {
    this.#maxChars = maxChars;
  }

  append(chunk: LogChunk): void {
    const text = chunk.text.length > this.#maxChars ? chunk.text.slice(-this.#maxChars) : chunk.text;
    this.#chunks.push({ seq: chunk.seq, text });
    this.#size += text.length;
    let drop = 0;
    while (this.#size > this.#maxChars) {
      const oldest = this.#chunks[drop]!;
      const excess = this.#size - this.#maxChars;
      if (oldest.text.length > excess) {
        this.#chunks[drop] = { seq: oldest.seq, text: oldest.text.slice(excess) };
        this.#size -= excess;
      } else {
        this.#size -= oldest.text.length;
        drop++;
      }
    }
    if (drop > 0) this.#chunks = this.#chunks.slice(drop);
  }

  chunks(): readonly LogChunk[] {
    return this.#chunks;
  }

  text(): string {
    return this.#chunks.map((chunk) => chunk.text).join("");
  }
}

export type TaggedChunk<Tag extends string> = LogChunk & { stream: Tag };

/** Merges per-stream chunk lists (each sorted by seq) into production order. */
export function interleave<Tag extends string>(streams: Record<Tag, readonly LogChunk[]>): TaggedChunk<Tag>[] {
  const tagged = (Object.entries(streams) as [Tag, readonly LogChunk[]][]).flatMap(([stream, chunks]) => chunks.map((chunk) => ({ ...chunk, stream })));
  return tagged.sort((a, b) => a.seq - b.seq);
}
