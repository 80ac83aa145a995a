// Runs once as the server starts, before it answers a request (Next's instrumentation hook). A site that keeps
// resumes in a bucket loads the S3 SDK now rather than on its first upload, which the SDK would slow by about a
// second (measured on a busy machine).
export async function register() {
  // Imported here, not at the top: Next also compiles this file for its edge runtime, where the store cannot run.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadS3Sdk, resumeStore } = await import('@/features/resumes/store');
  if (resumeStore().kind === 's3') await loadS3Sdk();
}
