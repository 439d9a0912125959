import { AsyncLocalStorage } from "node:async_hooks";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { TestConvex } from "convex-test";

/**
 * convex-test 0.0.60 keeps its database in a private `DatabaseFake` (dist/index.js):
 * committed documents in `_documents` keyed by id, the id counter `_nextDocId` (ids are
 * that counter padded, then the table name), `_lastCreationTime`, and the commit clock in
 * its `TransactionManager._lastCommitTs`. Nothing public reads or writes them, so this
 * module reaches them directly and checks their shape, failing loudly if an upgrade moves
 * them. Restoring all four makes ids, creation times and references survive a restart,
 * and no id is ever handed out twice.
 */
type DatabaseFake = {
  _documents: Record<string, Record<string, Value>>;
  _nextDocId: number;
  _lastCreationTime: number;
  _storage: Record<string, unknown>;
};
type TransactionManager = { _lastCommitTs: bigint };
type ConvexGlobal = { components: Record<string, { db: DatabaseFake }>; transactionManager: TransactionManager };

export type DatabaseInternals = { db: DatabaseFake; transactions: TransactionManager };

export type DatabaseSnapshot = {
  format: "convex-test-0.0.60";
  nextDocId: number;
  lastCreationTime: number;
  /** Decimal: a bigint of nanoseconds. */
  lastCommitTs: string;
  /** Documents in convexToJson form (bytes as `$bytes`), ordered by id. */
  documents: JSONValue[];
};

function isConvexGlobal(store: unknown): store is ConvexGlobal {
  const candidate = store as Partial<ConvexGlobal> | null;
  const db = candidate?.components?.[""]?.db as Partial<DatabaseFake> | undefined;
  return (
    typeof db?._documents === "object" &&
    typeof db._nextDocId === "number" &&
    typeof db._lastCreationTime === "number" &&
    typeof db._storage === "object" &&
    typeof candidate?.transactionManager?._lastCommitTs === "bigint"
  );
}

/**
 * convex-test enters its per-instance state with `AsyncLocalStorage#run(state, ...)` on
 * every call; for the length of one synchronous call this watches `run` to see it.
 */
export async function databaseInternals(t: TestConvex<any>): Promise<DatabaseInternals> {
  const originalRun = AsyncLocalStorage.prototype.run;
  let captured: ConvexGlobal | undefined;
  AsyncLocalStorage.prototype.run = function (this: AsyncLocalStorage<unknown>, store: unknown, ...rest: [any, ...any[]]) {
    if (captured === undefined && isConvexGlobal(store)) captured = store;
    return originalRun.call(this, store, ...rest);
  } as typeof originalRun;
  let settled: Promise<unknown>;
  try {
    settled = t.finishInProgressScheduledFunctions();
  } finally {
    AsyncLocalStorage.prototype.run = originalRun;
  }
  await settled;
  if (captured === undefined) {
    throw new Error("convex-test's database is not where convex-local expects it; it is written for convex-test 0.0.60");
  }
  return { db: captured.components[""]!.db, transactions: captured.transactionManager };
}

/** The last commit's clock: it moves exactly when a mutation commits. */
export function lastCommit({ transactions }: DatabaseInternals): bigint {
  return transactions._lastCommitTs;
}

/**
 * Committed state only: pending writes live elsewhere until their transaction commits, so
 * a snapshot taken at any moment is consistent.
 */
export function takeSnapshot({ db, transactions }: DatabaseInternals): DatabaseSnapshot {
  if (Object.keys(db._storage).length > 0) throw new Error("convex-local does not persist file storage");
  const ids = Object.keys(db._documents).sort();
  return {
    format: "convex-test-0.0.60",
    nextDocId: db._nextDocId,
    lastCreationTime: db._lastCreationTime,
    lastCommitTs: transactions._lastCommitTs.toString(),
    documents: ids.map((id) => convexToJson(db._documents[id]!)),
  };
}

/** Loads a snapshot into a fresh convex-test instance, before it serves any request. */
export function restoreSnapshot({ db, transactions }: DatabaseInternals, snapshot: DatabaseSnapshot): void {
  if (snapshot.format !== "convex-test-0.0.60") throw new Error(`unknown snapshot format ${JSON.stringify(snapshot.format)}`);
  db._documents = Object.fromEntries(
    snapshot.documents.map((json) => {
      const doc = jsonToConvex(json) as Record<string, Value>;
      return [doc._id as string, doc];
    }),
  );
  db._nextDocId = snapshot.nextDocId;
  db._lastCreationTime = snapshot.lastCreationTime;
  transactions._lastCommitTs = BigInt(snapshot.lastCommitTs);
}
