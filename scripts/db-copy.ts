// npm run db:copy -- --from file:./data/careers.db --to postgres://user@host/careers
// Copies every table and resume into an empty database, then checks row counts and resume checksums.
import { assertEmpty, copyDatabase, CopyError, verifyCopy } from '@/db/copy';
import { openDatabase } from '@/db/database';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { fail, option } from './lib/cli';

const from = option('from');
const to = option('to');
if (!from || !to)
  fail('Usage: npm run db:copy -- --from <DATABASE_URL of the site now> --to <DATABASE_URL of an empty database>');
if (from === to) fail('--from and --to name the same database');

const source = await openDatabase(from);
const target = await openDatabase(to);
try {
  await assertEmpty(target);
  console.log(`Copying ${source.dialect} → ${target.dialect}`);
  const started = Date.now();
  await copyDatabase({ source, target, log: console.log });
  // Resumes keep where they are: in the rows, or under their object keys in the same bucket.
  const problems = await verifyCopy({ source, target, targetStore: resumeStoreFromEnv() });
  if (problems.length) fail(`The copy does not match the source:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  console.log(
    `Copied and checked in ${((Date.now() - started) / 1000).toFixed(1)} s: row counts match, every resume matches its checksum.`,
  );
  console.log(`Point DATABASE_URL at ${to.replace(/\/\/[^@/]*@/, '//…@')} and restart the site.`);
} catch (error) {
  if (error instanceof CopyError) fail(error.message);
  throw error;
} finally {
  await Promise.all([source.close(), target.close()]);
}
