// Runs once as the server starts, before it answers a request (Next's instrumentation hook). A site that keeps
// resumes in a bucket loads the S3 SDK now rather than on its first upload, which the SDK would slow by about a
// second (measured on a busy machine); a site that keeps them in its database never loads it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.RESUME_STORAGE !== 's3') return;
  await import('@aws-sdk/client-s3');
}
