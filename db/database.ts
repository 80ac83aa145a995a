import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { privateFile, privateFolder } from '@/lib/security/private-files';
import { databaseLocation, type DatabaseLocation } from './location';
import { registerPool } from './pools';
import * as postgresTables from './schema/postgres';
import * as sqliteTables from './schema/sqlite';

export type Tables = typeof postgresTables;
/** The query builder every data-access function uses, typed with the PostgreSQL tables. */
export type AppDb = NodePgDatabase<Tables>;

/**
 * An open database. `db` and `t` are drizzle's client and tables for the dialect that runs: on SQLite they
 * are the SQLite ones, typed as their PostgreSQL twins, whose rows have the same shape
 * (db/schema/same-shape.test.ts). Queries use what both dialects' builders share; what differs is in
 * db/dialect.ts, transactions in db/transaction.ts, and both are tested on both databases.
 */
export type Database = {
  dialect: 'sqlite' | 'postgres';
  db: AppDb;
  t: Tables;
  /** The SQLite connection, for its pragmas, online backup and synchronous transactions. */
  sqlite: BetterSqlite3.Database | null;
  close: () => Promise<void>;
};

export async function openDatabase(
  location: DatabaseLocation | string = databaseLocation(),
  /** `pool` names a PostgreSQL pool in /metrics: `app` (the default), `worker`, `metrics`. */
  options: { maxSizeMb?: number; poolSize?: number; pool?: string } = {},
): Promise<Database> {
  const where = typeof location === 'string' ? databaseLocation(location) : location;
  return where.dialect === 'sqlite'
    ? openSqlite(where.file, options.maxSizeMb ?? maxDatabaseSizeMb())
    : openPostgres(where.url, options.poolSize, options.pool);
}

/** Where the build's migrations for the dialect are (db/migration-state.ts reads their journal). */
export const migrations = (dialect: Database['dialect']) => path.join(process.cwd(), 'db', 'migrations', dialect);

/** The folder and every file of the database are readable by this user only. */
function openSqlite(file: string, maxSizeMb: number | undefined): Database {
  privateFolder(path.dirname(file));
  privateFile(file);
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  // Concurrent writers wait for the lock instead of failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted content is overwritten, not left in free pages: an erased application leaves no trace in the file.
  sqlite.pragma('secure_delete = ON');
  if (maxSizeMb) {
    const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
    sqlite.pragma(`max_page_count = ${Math.floor((maxSizeMb * 1024 * 1024) / pageSize)}`);
  }
  // SQLite gives the WAL and shared-memory files the database's mode; an older install's may be wider.
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(file + suffix)) privateFile(file + suffix);
  const db = drizzleSqlite(sqlite, { schema: sqliteTables });
  // One process per file migrates at a time: SQLite's own write lock serialises two starting together.
  migrateSqlite(db, { migrationsFolder: migrations('sqlite') });
  return {
    dialect: 'sqlite',
    db: db as unknown as AppDb,
    t: sqliteTables as unknown as Tables,
    sqlite,
    close: async () => void sqlite.close(),
  };
}

// Any number, the same in every instance: the key of the advisory lock held while migrating.
const MIGRATION_LOCK = 727_191_001;

async function openPostgres(url: string, poolSize = 10, name = 'app'): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A pooled connection the server closes while idle (a restart, a failover) is replaced on next use; without
  // a listener its error would end the process.
  pool.on('error', (error) => console.error(`[database] an idle connection was closed: ${error.message}`));
  // Several instances starting at once: one migrates while the others wait on the lock, then find it done.
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: migrations('postgres') });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  } catch (error) {
    // A failed open is retried by the next request: each attempt's pool is ended, not left to pile up.
    await pool.end().catch(() => {});
    throw error;
  }
  // Registered once open, for /metrics (db/pools.ts).
  const unregister = registerPool(pool, name);
  const db = drizzlePostgres(pool, { schema: postgresTables });
  const close = () => {
    unregister();
    return pool.end();
  };
  return { dialect: 'postgres', db, t: postgresTables, sqlite: null, close };
}

/** DATABASE_MAX_SIZE_MB: the SQLite file stops growing there (new applications are refused, nothing else breaks). */
function maxDatabaseSizeMb(setting = process.env.DATABASE_MAX_SIZE_MB): number | undefined {
  if (!setting) return undefined;
  const value = Number(setting);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`DATABASE_MAX_SIZE_MB must be a positive number of megabytes; got "${setting}"`);
  }
  return value;
}
