import { join } from "node:path";

/** The monorepo root, from which every app's config is found. */
export const REPO_ROOT = join(import.meta.dirname, "..", "..");
/** node_modules/.bin first, so children run on the pinned Node 24 and find wrangler/openclaw. */
export const REPO_BIN = join(REPO_ROOT, "node_modules", ".bin");

export function pathWithRepoBin(path = process.env.PATH ?? ""): string {
  return `${REPO_BIN}:${path}`;
}
