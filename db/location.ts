import path from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/careers.db';

export type DatabaseLocation = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** A command line's `--db`: a URL as DATABASE_URL takes it, or a plain path to a SQLite file. */
export function databaseUrlFrom(value: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `file:${value}`;
}

/**
 * Where the data lives, from DATABASE_URL: `file:relative/or/absolute.db` (SQLite, relative to the project)
 * or `postgres://…` / `postgresql://…`.
 */
export function databaseLocation(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (!url.startsWith('file:')) {
    throw new Error(
      `DATABASE_URL must be a SQLite file URL such as ${DEFAULT_DATABASE_URL} or a PostgreSQL URL such as postgres://user@host:5432/careers; got "${url}"`,
    );
  }
  const file = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  if (!file) throw new Error('DATABASE_URL names no file');
  // The database is state, not code: keep it out of the build's file tracing.
  return { dialect: 'sqlite', file: path.resolve(/*turbopackIgnore: true*/ process.cwd(), file) };
}
