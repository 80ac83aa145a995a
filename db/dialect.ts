import { sql, type SQL } from 'drizzle-orm';
import type { AnyColumn } from 'drizzle-orm';
import type { Database } from './database';

// What the two databases write differently, and nothing else: raw statements, the search, day numbers and
// how each reports a broken unique index or a full disk.

/** Rows of a statement written in raw SQL (drizzle's `sql` template, parameters bound). */
export async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  if (database.dialect === 'sqlite') return (database.db as unknown as { all: (q: SQL) => T[] }).all(query);
  return (await database.db.execute(query)).rows as T[];
}

/**
 * Free text as search terms: each word a prefix term, searched for as text. Words are what Unicode calls
 * letters and digits, so no operator or punctuation ever reaches either engine's query syntax.
 */
export function searchWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
}

/**
 * How a search narrows the applications. On SQLite the FTS5 table is joined and drives the query: it yields
 * its rowids (the applications' ids) in order, so the newest page of matches is read without first building
 * the list of every match (a surname shared by 33,000 of a million rows: 2 ms against 10 ms), and the query
 * orders and pages on `key`, the index's rowid. On PostgreSQL the GIN-indexed vector is a plain condition.
 */
export function searchPlan(
  database: Database,
  text: string,
): { condition: SQL; join?: { table: SQL; on: SQL }; key?: SQL<number> } {
  const words = searchWords(text);
  if (database.dialect !== 'sqlite' || words.length === 0) return { condition: searchCondition(database, text) };
  return {
    join: { table: sql`applications_fts`, on: sql`applications_fts.rowid = ${database.t.applications.id}` },
    condition: sql`applications_fts MATCH ${ftsQuery(words)}`,
    key: sql<number>`applications_fts.rowid`.mapWith(Number),
  };
}

const ftsQuery = (words: string[]) => words.map((word) => `"${word}"*`).join(' ');

/** The condition "this application matches the search" (false when no word is searchable). */
export function searchCondition(database: Database, text: string): SQL {
  const id = database.t.applications.id;
  const words = searchWords(text);
  if (words.length === 0) return sql`0 = 1`;
  if (database.dialect === 'sqlite') {
    return sql`${id} IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ${ftsQuery(words)})`;
  }
  // A quoted lexeme with a prefix marker; the quotes keep any character literal.
  const query = words.map((word) => `'${word.replace(/'/g, "''")}':*`).join(' & ');
  return sql`search_vector @@ to_tsquery('simple', ${query})`;
}

/**
 * A timestamp column as ISO 8601 text in UTC with milliseconds, as `Date#toISOString` writes it, made by the
 * database: a million rows exported make no Date object each.
 */
export function isoTime(database: Database, column: AnyColumn): SQL<string> {
  return database.dialect === 'sqlite'
    ? sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${column} / 1000.0, 'unixepoch')`
    : sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const codeOf = (error: unknown): { code?: string; constraint?: string; message: string } => {
  // drizzle wraps a driver's error in one of its own, with the driver's as `cause`.
  const inner = (error as { cause?: unknown }).cause ?? error;
  return { ...(inner as object), message: String((inner as Error)?.message ?? inner) } as never;
};

/**
 * A unique index refused a row: PostgreSQL names the index; SQLite names its columns (`table.column, …`), so
 * `column` is one that only this index holds.
 */
export function isUniqueViolation(error: unknown, index: { name: string; column: string }): boolean {
  const { code, constraint, message } = codeOf(error);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return message.includes(index.column);
  return code === '23505' && constraint === index.name;
}

/**
 * The transaction was ended to let another go on (PostgreSQL's deadlock_detected or serialization_failure):
 * nothing of it was written, and it may succeed when run again.
 */
export function isRetryable(error: unknown): boolean {
  const { code } = codeOf(error);
  return code === '40P01' || code === '40001';
}

/** The database could not grow: SQLite's max_page_count or a full disk, PostgreSQL's disk_full. */
export function isStorageFull(error: unknown): boolean {
  const { code } = codeOf(error);
  return code === 'SQLITE_FULL' || code === '53100';
}
