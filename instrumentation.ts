// Runs once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.RESUME_STORAGE !== 's3') return;
  // Objects left by a crash between storing a resume and its application: swept in the background.
  const [{ getDb }, { resumeStore }, { sweepOrphans }] = await Promise.all([
    import('@/db/index'),
    import('@/db/storage/resume-store'),
    import('@/db/storage/sweep'),
  ]);
  void getDb()
    .then((database) => sweepOrphans(database, resumeStore()))
    .then(({ removed }) => removed && console.log(`[storage] removed ${removed} orphaned resume objects`))
    .catch((error: unknown) => console.error('[storage] the sweep failed; run npm run storage:sweep', error));
}
