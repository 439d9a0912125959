/** The SQL tag of an Agent (`this.sql`), narrowed to what the store uses. */
export type SqlTag = <T = Record<string, string | number | boolean | null>>(strings: TemplateStringsArray, ...values: (string | number | boolean | null)[]) => T[];

/**
 * Which platform approval (Convex, through the api) stands for which pending tool call.
 * Kept in the agent's SQLite beside the messages, so a pending approval survives eviction.
 */
export class ApprovalsStore {
  readonly #sql: SqlTag;

  constructor(sql: SqlTag) {
    this.#sql = sql;
    this.#sql`create table if not exists thread_approvals (tool_call_id text primary key, approval_id text not null)`;
  }

  approvalIdOf(toolCallId: string): string | null {
    return this.#sql<{ approval_id: string }>`select approval_id from thread_approvals where tool_call_id = ${toolCallId}`[0]?.approval_id ?? null;
  }

  remember(toolCallId: string, approvalId: string): void {
    this.#sql`insert or replace into thread_approvals (tool_call_id, approval_id) values (${toolCallId}, ${approvalId})`;
  }
}
