/**
 * The gateway's tool results (`sessions_list`, `sessions_history`) arrive as OpenClaw tool
 * results: `{ content: [{ type: "text", text: "<JSON>" }], details: <the same, as an object> }`.
 * This reads the payload from either half, whichever is there. Pure.
 */
export function toolPayload(result: unknown): Record<string, unknown> | null {
  if (!isObject(result)) return null;
  if (isObject(result.details)) return result.details;
  if (Array.isArray(result.content)) {
    for (const part of result.content) {
      if (isObject(part) && part.type === "text" && typeof part.text === "string") {
        try {
          const parsed: unknown = JSON.parse(part.text);
          if (isObject(parsed)) return parsed;
        } catch {
          // not JSON: keep looking
        }
      }
    }
  }
  // Already the payload itself (as some gateway versions answer).
  return result;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
