import 'server-only';
import { openDatabase, type Db } from './client';
import { databasePath } from './path';

// One client per process; in development Next re-evaluates modules, so the client is held on globalThis.
const globalForDb = globalThis as unknown as { careersDb?: Db };

export function getDb(): Db {
  globalForDb.careersDb ??= openDatabase(databasePath());
  return globalForDb.careersDb;
}
