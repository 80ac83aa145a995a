import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { rows } from '@/db/dialect';

/**
 * After an erasure the search index may still hold the erased words: SQLite's FTS5 keeps deleted entries in
 * older segments until they are merged. Merging them all (`optimize`) with secure_delete on overwrites them,
 * and a checkpoint takes the old pages out of the write-ahead log. PostgreSQL's dead rows are left to VACUUM.
 */
export async function compactSearchIndex(database: Database): Promise<boolean> {
  const { db, t } = database;
  const [job] = await db
    .select({ requestedAt: t.pendingJobs.requestedAt })
    .from(t.pendingJobs)
    .where(eq(t.pendingJobs.name, 'search-index'));
  if (!job) return false;
  if (database.sqlite) {
    database.sqlite.exec("INSERT INTO applications_fts(applications_fts) VALUES ('optimize')");
    // A reader still on an older snapshot keeps the checkpoint from finishing: then the request stays, for
    // the next cycle, since the log would still hold the pages as they were before the erasure.
    const [result] = database.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) return false;
  } else {
    await rows(database, sql`VACUUM applications, resumes, outbox, application_notes`);
  }
  // Only the request this run answered: one made meanwhile stays for the next run.
  await db
    .delete(t.pendingJobs)
    .where(and(eq(t.pendingJobs.name, 'search-index'), eq(t.pendingJobs.requestedAt, job.requestedAt)));
  return true;
}
