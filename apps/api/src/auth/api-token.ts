import { base64url, sha256Hex } from "./encoding.ts";

/** Every user API token starts with this, so secret scanners and people can recognise one. */
export const API_TOKEN_PREFIX = "oc_";
const TOKEN_BYTES = 32;
/** How much of a token is kept and shown to tell tokens apart (prefix + 8 characters). */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 8;
const TOKEN_SHAPE = /^oc_[A-Za-z0-9_-]{43}$/;

export interface NewApiToken {
  /** Shown to the user once, never stored. */
  token: string;
  prefix: string;
  /** SHA-256 hex: all that Convex ever sees. */
  tokenHash: string;
}

export async function generateApiToken(): Promise<NewApiToken> {
  const token = `${API_TOKEN_PREFIX}${base64url(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)))}`;
  return { token, prefix: token.slice(0, SHOWN_CHARACTERS), tokenHash: await hashApiToken(token) };
}

export function hashApiToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/** Cheap shape check before any lookup. */
export function looksLikeApiToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
