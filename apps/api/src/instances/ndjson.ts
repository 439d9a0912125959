/** Splits an NDJSON byte stream into parsed lines as they arrive (blank or non-JSON lines are skipped). */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf("\n")) !== -1) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        const parsed = parseLine(line);
        if (parsed !== undefined) yield parsed;
      }
      if (done) break;
    }
    const last = parseLine(buffer.trim());
    if (last !== undefined) yield last;
  } finally {
    reader.releaseLock();
  }
}

function parseLine(line: string): unknown {
  if (!line) return undefined;
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
