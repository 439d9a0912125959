import { lstat, realpath } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { HttpError } from "./errors.ts";

const MAX_PATH_LENGTH = 4096;

function invalidPath(message: string): HttpError {
  return new HttpError("invalid_path", 400, message);
}

/**
 * Splits a sandbox-relative path into its segments ("." and empty segments dropped).
 * Rejects absolute paths, ".." segments and NUL bytes. An empty result means the home itself.
 */
export function parseRelativePath(raw: string): string[] {
  if (raw.length > MAX_PATH_LENGTH) throw invalidPath("path is too long");
  if (raw.includes("\0")) throw invalidPath("path must not contain NUL bytes");
  if (raw.startsWith("/")) throw invalidPath("path must be relative to the sandbox home");
  const segments = raw.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) throw invalidPath("path must not contain '..' segments");
  return segments;
}

/** True when `candidate` is `root` or lies below it (both absolute and normalised). */
export function isWithin(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Realpath of the deepest existing ancestor of `path` (inclusive). */
async function realpathOfExistingAncestor(path: string): Promise<string> {
  let current = path;
  while (!(await exists(current))) current = dirname(current);
  return realpath(current);
}

export type ResolvedPath = {
  /** Absolute path below the real home; its final segment is not dereferenced. */
  absolute: string;
  /** The relative path in canonical form (for responses). */
  relative: string;
};

/**
 * Resolves a relative path inside `home`, refusing paths whose existing ancestors are
 * symlinks pointing outside the home. The final segment itself is not followed here:
 * readers call `assertRealPathWithin` on the target, writers replace it (rename does
 * not follow symlinks).
 */
export async function resolveSandboxPath(home: string, raw: string): Promise<ResolvedPath> {
  const segments = parseRelativePath(raw);
  const realHome = await realpath(home);
  const absolute = join(realHome, ...segments);
  if (segments.length > 0) {
    const parent = await realpathOfExistingAncestor(dirname(absolute));
    if (!isWithin(realHome, parent)) throw invalidPath("path escapes the sandbox home");
  }
  return { absolute, relative: segments.join("/") };
}

/** Follows symlinks of an existing path and checks the target stays inside the home. */
export async function assertRealPathWithin(home: string, absolute: string): Promise<string> {
  const [realHome, target] = await Promise.all([realpath(home), realpath(absolute)]);
  if (!isWithin(realHome, target)) throw invalidPath("path escapes the sandbox home");
  return target;
}
