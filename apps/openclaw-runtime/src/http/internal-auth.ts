import { keysMatch } from "@openclaw-cloud/http-kit";
import { RuntimeError } from "./errors.ts";

/** Constant-time check of the shared internal key (see keysMatch). */
export async function requireInternalKey(presented: string | null | undefined, expected: string | undefined): Promise<void> {
  if (!expected) throw new RuntimeError("internal_error", 500, "runtime is missing OA_INTERNAL_KEY");
  if (!presented || !(await keysMatch(presented, expected))) {
    throw new RuntimeError("unauthorized", 401, "missing or wrong X-OA-Internal-Key");
  }
}
