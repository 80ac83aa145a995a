import path from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/careers.db';

/** Resolves DATABASE_URL (`file:relative/or/absolute.db`) to a file path; relative paths start at the project. */
export function databasePath(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as ${DEFAULT_DATABASE_URL}; got "${url}"`);
  }
  const file = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  if (!file) throw new Error('DATABASE_URL names no file');
  // The database is state, not code: keep it out of the build's file tracing.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
