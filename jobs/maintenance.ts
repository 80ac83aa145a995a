import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { rows } from '@/db/dialect';
import type { Transport } from '@/features/mail/transport';
import type { ERASURE_JOBS } from '@/features/privacy/erasure';

type Job = (typeof ERASURE_JOBS)[number];

/** Runs `work` when an erasure asked for the job; clears only the request it answered (a newer one stays). */
async function whenRequested(database: Database, name: Job, work: () => Promise<boolean>): Promise<boolean> {
  const { db, t } = database;
  const [job] = await db
    .select({ requestedAt: t.pendingJobs.requestedAt })
    .from(t.pendingJobs)
    .where(eq(t.pendingJobs.name, name));
  if (!job || !(await work())) return false;
  await db
    .delete(t.pendingJobs)
    .where(and(eq(t.pendingJobs.name, name), eq(t.pendingJobs.requestedAt, job.requestedAt)));
  return true;
}

/**
 * After an erasure the search index may still hold the erased words: SQLite's FTS5 keeps deleted entries in
 * older segments until they are merged. Merging them all (`optimize`) with secure_delete on overwrites them,
 * and a checkpoint takes the old pages out of the write-ahead log. PostgreSQL's dead rows are left to VACUUM.
 */
export function compactSearchIndex(database: Database): Promise<boolean> {
  return whenRequested(database, 'search-index', async () => {
    if (database.sqlite) {
      database.sqlite.exec("INSERT INTO applications_fts(applications_fts) VALUES ('optimize')");
      // A reader still on an older snapshot keeps the checkpoint from finishing: then the request stays, for
      // the next cycle, since the log would still hold the pages as they were before the erasure.
      const [result] = database.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      return !result?.busy;
    }
    await rows(database, sql`VACUUM applications, resumes, outbox, application_notes`);
    return true;
  });
}

/**
 * Without SMTP every email is a file on the site's disk, naming the candidate: the files of emails about an
 * erased application (their outbox rows no longer hold an address) are removed.
 */
export function forgetErasedMail({
  database,
  transport,
}: {
  database: Database;
  transport: Transport;
}): Promise<boolean> {
  return whenRequested(database, 'erased-mail', async () => {
    const kept = transport.kept?.() ?? [];
    const { db, t } = database;
    for (let i = 0; i < kept.length; i += 500) {
      const ids = kept.slice(i, i + 500);
      const erased = await db
        .select({ id: t.outbox.id })
        .from(t.outbox)
        .where(and(inArray(t.outbox.id, ids), eq(t.outbox.toAddress, 'erased')));
      transport.forget?.(erased.map((row) => row.id));
    }
    return true;
  });
}
