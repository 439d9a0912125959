/**
 * A deterministic stand-in tokenizer: each token is one word together with the
 * whitespace in front of it, so concatenating the tokens restores the text exactly
 * and every token can be streamed as one delta.
 */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

export function countTokens(text: string): number {
  return tokenize(text).length;
}
