/**
 * The one typed way to run hand-written SQL. The stores use drizzle's query builder where it says the query as
 * well; where a query was tuned by hand (the scan path, the name search, aggregates) they write the SQL and declare
 * its row and parameters here, once. better-sqlite3 returns `unknown` rows: this is the only place that trusts a
 * statement's declared row type, so no module casts query results of its own.
 */
import type Database from 'better-sqlite3';
import type { CounterDb } from './open';

/** The drizzle database, or a bare connection (a backup being checked, the migration check before drizzle). */
export type SqlHandle = CounterDb | Database.Database;

function clientOf(handle: SqlHandle): Database.Database {
  return '$client' in handle ? handle.$client : handle;
}

export interface Statement<Row, Params extends unknown[]> {
  get(...params: Params): Row | undefined;
  all(...params: Params): Row[];
  run(...params: Params): Database.RunResult;
}

/** A statement prepared now, once: preparing costs more than running on the scan path. */
export function statement<Row = never, Params extends unknown[] = []>(
  db: SqlHandle,
  source: string,
): Statement<Row, Params> {
  return clientOf(db).prepare<Params, Row>(source) as unknown as Statement<Row, Params>;
}

/** A statement returning one column (`SELECT COUNT(*)`, a list of ids): its values, not rows. */
export function column<Value, Params extends unknown[] = []>(db: SqlHandle, source: string): Statement<Value, Params> {
  return clientOf(db).prepare<Params, Value>(source).pluck() as unknown as Statement<Value, Params>;
}

/**
 * For queries whose text depends on their input (a name search's number of words, a séance window or not): each
 * distinct text is prepared the first time it is used and kept. The texts come from the store's own code, never
 * from input, so there are a few dozen at most; the bound keeps a bug from growing the cache for ever.
 */
export function statementCache(db: CounterDb, bound = 64) {
  const prepared = new Map<string, Database.Statement>();
  return function cached<Row, Params extends unknown[]>(source: string): Statement<Row, Params> {
    let found = prepared.get(source);
    if (!found) {
      if (prepared.size >= bound) prepared.clear();
      found = db.$client.prepare(source);
      prepared.set(source, found);
    }
    return found as unknown as Statement<Row, Params>;
  };
}

/** Runs `work` in one transaction (one commit); nested calls join the outer one (a savepoint). */
export function inTransaction<T>(db: CounterDb, work: () => T): T {
  return db.$client.transaction(work)();
}
