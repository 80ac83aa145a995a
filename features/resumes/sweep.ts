import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import type { ResumeStore } from './store';

/** Objects younger than this may belong to an application being stored right now. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/**
 * Deletes the objects no resumes row names, older than an hour: what a crash between storing the object and
 * committing the application leaves behind, or an application erased while the store was unreachable.
 */
export async function sweepOrphans({
  database,
  store,
  now = Date.now(),
}: {
  database: Database;
  store: ResumeStore;
  now?: number;
}) {
  const { db, t } = database;
  let seen = 0;
  let removed = 0;
  for await (const page of store.list()) {
    seen += page.length;
    const old = page.filter((object) => object.lastModified.getTime() < now - ORPHAN_AGE_MS).map((o) => o.key);
    if (old.length === 0) continue;
    const named = await db
      .select({ key: t.resumes.objectKey })
      .from(t.resumes)
      .where(inArray(t.resumes.objectKey, old));
    const known = new Set(named.map((row) => row.key));
    const orphans = old.filter((key) => !known.has(key));
    await store.removeMany(orphans);
    removed += orphans.length;
  }
  return { seen, removed };
}
