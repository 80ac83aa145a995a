// A new, empty database for a script run (the benchmark, the crash test): a SQLite file in a folder, or a
// database on a PostgreSQL server (POSTGRES_URL, TEST_POSTGRES_URL, or a private one started for the run).
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { startPostgres, type Postgres } from '@/scripts/test/postgres';

export type Dialect = 'sqlite' | 'postgres';

export type ScratchDatabases = { create: (name: string) => Promise<string>; close: () => Promise<void> };

export function parseDialect(value: string | undefined): Dialect {
  if (value === undefined || value === 'sqlite') return 'sqlite';
  if (value === 'postgres' || value === 'postgresql') return 'postgres';
  throw new Error(`--database must be sqlite or postgres; got "${value}"`);
}

export async function scratchDatabases(dialect: Dialect, dir: string): Promise<ScratchDatabases> {
  if (dialect === 'sqlite')
    return { create: async (name) => `file:${path.join(dir, `${name}.db`)}`, close: async () => {} };
  let own: Postgres | undefined;
  let server = process.env.POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  if (!server) {
    own = startPostgres(Number(process.env.SCRATCH_PG_PORT ?? 55440));
    server = own.url;
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const created: string[] = [];
  return {
    create: async (name) => {
      const database = `careers_${name.replace(/\W/g, '_')}_${crypto.randomBytes(3).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${database}`);
      created.push(database);
      const url = new URL(server);
      url.pathname = `/${database}`;
      return url.toString();
    },
    close: async () => {
      for (const database of created) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
      own?.stop();
    },
  };
}
