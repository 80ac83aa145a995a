// npm run storage:sweep: deletes objects in the resume bucket that no application names and that are older
// than an hour (what a crash between storing the file and the application leaves). Also run at start.
import { openDatabase } from '@/db/database';
import { resumeStoreFromEnv } from '@/features/resumes/store';
import { sweepOrphans } from '@/features/resumes/sweep';

const store = resumeStoreFromEnv();
if (store.kind === 'database') {
  console.log('RESUME_STORAGE is not s3: resumes are in the database, and there is nothing to sweep.');
} else {
  const database = await openDatabase();
  const { seen, removed } = await sweepOrphans({ database, store });
  await database.close();
  console.log(
    `Looked at ${seen.toLocaleString('en')} objects; removed ${removed.toLocaleString('en')} that no application names.`,
  );
}
