import { strToU8, zipSync } from 'fflate';
import { currentCandidate } from '@/features/candidate/context';
import { exportOwnData } from '@/features/candidate/export';
import { seeOther } from '@/lib/http/form-post';

const safe = (name: string) => name.replace(/[^\w.-]+/g, '_').slice(0, 100);

/** Everything we hold about the candidate's applications, as one ZIP: data.json and the resumes. */
export async function GET() {
  if (!(await currentCandidate())) {
    return seeOther('/applications');
  }
  const data = await exportOwnData();
  const files: Record<string, Uint8Array> = { 'data.json': strToU8(JSON.stringify({ exportedAt: new Date(), ...data, resumes: undefined }, null, 2)) };
  for (const resume of data.resumes) files[`resumes/${resume.reference}-${safe(resume.fileName)}`] = new Uint8Array(resume.bytes);
  const zip = zipSync(files, { level: 6 });
  return new Response(new Uint8Array(zip), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="my-applications-${new Date().toISOString().slice(0, 10)}.zip"`,
      'Cache-Control': 'no-store',
    },
  });
}
