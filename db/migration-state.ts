import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrations, type Database } from './database';
import { rows } from './dialect';

type Journal = { entries: { when: number; tag: string }[] };

// What the build ships does not change while it runs: each journal is read once per process.
const journals: Partial<Record<Database['dialect'], Journal>> = {};

/**
 * The migrations this build ships that the database has not recorded as applied, by tag: none once it opened
 * (opening migrates), some when another instance's rollback or a restored backup left it behind. drizzle's
 * migrator records each by the time in the journal (`created_at` = `when`) and applies those after the last.
 */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const journal = (journals[database.dialect] ??= JSON.parse(
    fs.readFileSync(path.join(migrations(database.dialect), 'meta', '_journal.json'), 'utf8'),
  ) as Journal);
  const table = database.dialect === 'sqlite' ? sql`__drizzle_migrations` : sql`drizzle.__drizzle_migrations`;
  const [latest] = await rows<{ at: number | string | null }>(
    database,
    sql`SELECT MAX(created_at) AS at FROM ${table}`,
  );
  const applied = Number(latest?.at ?? 0);
  return journal.entries.filter((entry) => entry.when > applied).map((entry) => entry.tag);
}
