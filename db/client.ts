import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { privateFolder, privateFile } from '@/lib/security/private-files';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens the SQLite file, sets the pragmas every connection needs and applies pending migrations. The folder
 * and every file of the database are readable by this user only. Kept free of `server-only` so unit tests
 * and scripts can open their own database.
 */
export function openDatabase(file: string, { maxSizeMb = maxDatabaseSizeMb() } = {}): Db {
  privateFolder(path.dirname(file));
  privateFile(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // Concurrent writers wait for the lock instead of failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  if (maxSizeMb)
    sqlite.pragma(
      `max_page_count = ${Math.floor((maxSizeMb * 1024 * 1024) / Number(sqlite.pragma('page_size', { simple: true })))}`,
    );
  // SQLite gives the WAL and shared-memory files the database's mode; an older install's may be wider.
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(file + suffix)) privateFile(file + suffix);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
  return db;
}

/** DATABASE_MAX_SIZE_MB: the database stops growing there (new applications are refused, nothing else breaks). */
function maxDatabaseSizeMb(setting = process.env.DATABASE_MAX_SIZE_MB): number | undefined {
  if (!setting) return undefined;
  const value = Number(setting);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`DATABASE_MAX_SIZE_MB must be a positive number of megabytes; got "${setting}"`);
  return value;
}

/**
 * For every write transaction: take the write lock at BEGIN. A deferred transaction that reads first and
 * writes later fails at once with SQLITE_BUSY (busy_timeout does not help) when another process wrote in
 * between, as the e2e tests' seeding and the server, or two instances, do.
 */
export const IMMEDIATE = { behavior: 'immediate' } as const;
