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
 * On PostgreSQL the query gives up after `timeoutMs` (a statement timeout): a probe that waits on a lock must
 * not hold one of the pool's connections after its caller has stopped waiting.
 */
export async function pendingMigrations({
  database,
  timeoutMs,
}: {
  database: Database;
  timeoutMs?: number;
}): Promise<string[]> {
  const journal = (journals[database.dialect] ??= JSON.parse(
    fs.readFileSync(path.join(migrations(database.dialect), 'meta', '_journal.json'), 'utf8'),
  ) as Journal);
  const applied = Number((await latestApplied({ database, timeoutMs })) ?? 0);
  return journal.entries.filter((entry) => entry.when > applied).map((entry) => entry.tag);
}

async function latestApplied({ database, timeoutMs }: { database: Database; timeoutMs?: number }) {
  if (database.dialect === 'sqlite') {
    const [latest] = await rows<{ at: number | null }>(
      database,
      sql`SELECT MAX(created_at) AS at FROM __drizzle_migrations`,
    );
    return latest?.at;
  }
  const query = sql`SELECT MAX(created_at) AS at FROM drizzle.__drizzle_migrations`;
  if (timeoutMs === undefined) return (await rows<{ at: string | null }>(database, query))[0]?.at;
  const ms = Math.max(1, Math.floor(timeoutMs));
  return database.db.transaction(async (tx) => {
    // SET takes no parameters; `ms` is an integer made here.
    await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${ms}`));
    const result = await tx.execute<{ at: string | null }>(query);
    return result.rows[0]?.at;
  });
}
