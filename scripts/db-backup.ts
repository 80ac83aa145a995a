// npm run db:backup -- --to FILE: a consistent copy of the live SQLite database, taken with SQLite's online
// backup while the site keeps taking applications. Restore: stop the site, copy FILE over data/careers.db
// (removing careers.db-wal and careers.db-shm beside it), start the site.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '@/db/database';
import { privateFile, privateFolder } from '@/lib/security/private-files';
import { fail, option } from './lib/cli';

const to = option('to');
if (!to) fail('Usage: npm run db:backup -- --to <file>');
const file = path.resolve(to);
if (fs.existsSync(file)) fail(`${file} exists already; name a new file`);

const database = await openDatabase();
if (!database.sqlite) fail('db:backup copies the embedded SQLite database; for PostgreSQL use pg_dump');
const started = Date.now();
privateFolder(path.dirname(file));
privateFile(file);
await database.sqlite.backup(file);
await database.close();
privateFile(file);
const copy = new BetterSqlite3(file, { readonly: true });
const check = copy.pragma('integrity_check', { simple: true });
const applications = (copy.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n;
copy.close();
if (check !== 'ok') fail(`The backup at ${file} failed its integrity check: ${String(check)}`);
console.log(
  `Backed up ${applications.toLocaleString('en')} applications to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s; integrity_check ok.`,
);
