import { sql } from 'drizzle-orm';
import type { AppDb, Database } from './database';
import { isRetryable } from './dialect';

// Transactions written once for both databases. better-sqlite3 runs a transaction synchronously on the one
// connection every request shares: an async body would write outside any transaction (its
// statements run after better-sqlite3 has already committed), and awaiting inside a hand-made BEGIN would let other requests' statements
// in. So a body is a generator that yields its statements: on SQLite they run one after the other inside
// better-sqlite3's synchronous transaction, on PostgreSQL each is awaited inside drizzle's. Everything the
// body needs that is slow (hashing, reading a file) is done before the transaction starts.

type Statement = { kind: 'all' | 'run'; query: PromiseLike<unknown> };
export type Steps<T> = Generator<Statement, T, unknown>;

/** Yields a statement whose rows the body reads (a select, or a write with `.returning()`). */
export function* all<T>(query: PromiseLike<T[]>): Generator<Statement, T[], unknown> {
  return (yield { kind: 'all', query }) as T[];
}

/** The first row of a statement, or undefined. */
export function* one<T>(query: PromiseLike<T[]>): Generator<Statement, T | undefined, unknown> {
  return (yield* all(query))[0];
}

/** Yields a write whose result the body does not read. */
export function* run(query: PromiseLike<unknown>): Generator<Statement, void, unknown> {
  yield { kind: 'run', query };
}

type SqliteQuery = { all: () => unknown; run: () => unknown };

/** Runs `body` in one transaction: every statement is written, or none is. */
export async function transaction<T>(database: Database, body: (tx: AppDb) => Steps<T>): Promise<T> {
  if (database.dialect === 'sqlite') {
    const sqliteDb = database.db as unknown as { transaction: <R>(fn: (tx: AppDb) => R, config: object) => R };
    // The write lock is taken at BEGIN: a transaction that read first and wrote later would fail at once with
    // SQLITE_BUSY (busy_timeout does not help) if another process wrote in between.
    return sqliteDb.transaction(
      (tx) => {
        const steps = body(tx);
        for (let next = steps.next(); ;) {
          if (next.done) return next.value;
          const query = next.value.query as unknown as SqliteQuery;
          next = steps.next(next.value.kind === 'all' ? query.all() : query.run());
        }
      },
      { behavior: 'immediate' },
    );
  }
  // Two transactions that take the same rows in opposite orders (two bulk moves, or a move beside an erasure,
  // both updating counters) make PostgreSQL end one of them: it is run again from the start, as its body
  // holds nothing but statements.
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction(async (tx) => {
        const steps = body(tx as unknown as AppDb);
        for (let next = steps.next(); ;) {
          if (next.done) return next.value;
          next = steps.next(await next.value.query);
        }
      });
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      // Apart by a random few milliseconds, growing: run again at once, several ended together meet again in
      // the same order (eight moves at once ended one of them three times running).
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

const ATTEMPTS = 5;

/**
 * Makes transactions on the same `key` run one at a time, for a body that reads and then writes on what it
 * read (a throttle counter, a status). PostgreSQL runs transactions side by side, so it takes an advisory
 * lock held until this one ends; SQLite's write transactions already run one at a time.
 */
export function* exclusive(database: Database, tx: AppDb, key: string): Steps<void> {
  if (database.dialect === 'postgres')
    yield* run(tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`));
}
