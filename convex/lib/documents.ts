import type { TableNames, Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { fail } from "./errors";

/**
 * Ids arrive from the control routes as plain text: a malformed id and an id of another
 * table are as absent as a deleted document, never a thrown validator error.
 */
export async function findDocument<Table extends TableNames>(ctx: QueryCtx, table: Table, id: string): Promise<Doc<Table> | null> {
  const normalized = ctx.db.normalizeId(table, id);
  return normalized === null ? null : await ctx.db.get(table, normalized);
}

export async function requireUser(ctx: QueryCtx, userId: string): Promise<Doc<"users">> {
  return (await findDocument(ctx, "users", userId)) ?? fail("not_found", `no user ${userId}`);
}
