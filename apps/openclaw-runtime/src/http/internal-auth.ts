import { RuntimeError } from "./errors.ts";

const encoder = new TextEncoder();

async function digest(value: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", encoder.encode(value));
}

/**
 * Constant-time comparison of a presented key with the configured one. Both sides are
 * hashed first so their lengths are equal and the comparison leaks neither content
 * nor length.
 */
export async function keysMatch(presented: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(presented), digest(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

export async function requireInternalKey(presented: string | null | undefined, expected: string | undefined): Promise<void> {
  if (!expected) throw new RuntimeError("internal_error", 500, "runtime is missing OA_INTERNAL_KEY");
  if (!presented || !(await keysMatch(presented, expected))) {
    throw new RuntimeError("unauthorized", 401, "missing or wrong X-OA-Internal-Key");
  }
}
