import 'server-only';
import { openDatabase, type Database } from './database';

// One client per process, opened (and migrated) on first use; in development Next re-evaluates modules, so
// it is held on globalThis. A failed open is not kept, so the next request tries again.
const globalForDb = globalThis as unknown as { careersDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  globalForDb.careersDb ??= openDatabase().catch((error: unknown) => {
    globalForDb.careersDb = undefined;
    throw error;
  });
  return globalForDb.careersDb;
}
