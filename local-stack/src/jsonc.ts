/** Strips line and block comments outside strings, so JSONC (wrangler's config format) parses as JSON. */
export function stripJsonComments(text: string): string {
  return text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_, str: string | undefined) => str ?? "");
}

export function parseJsonc(text: string): unknown {
  return JSON.parse(stripJsonComments(text));
}
