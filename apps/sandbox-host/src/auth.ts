import { createHash, timingSafeEqual } from "node:crypto";

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Checks an `Authorization: Bearer <secret>` header. Both sides are hashed first so
 * timingSafeEqual compares equal-length buffers and the secret's length does not leak.
 */
export function isAuthorized(authorization: string | undefined, secret: string): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? "");
  const presented = match?.[1] ?? "";
  // Always compare, even when the header is missing, so timing does not reveal which case hit.
  const equal = timingSafeEqual(digest(presented), digest(secret));
  return equal && match !== null;
}
