import { getDb } from '@/db/index';
import { checkReadiness, readinessResponse } from '@/features/operations/readiness';
import { resumeStore } from '@/features/resumes/store';

// Asked on every probe: never prerendered.
export const dynamic = 'force-dynamic';

// A failing check is logged when the answer changes, not on every probe (a load balancer asks every few seconds).
let lastLogged = '';

/** Readiness for load balancers and orchestrators: 200 when this instance can serve, 503 with the checks if not. */
export async function GET() {
  const readiness = await checkReadiness({ database: getDb, store: resumeStore });
  const logLine = readiness.problems.join('; ');
  if (logLine !== lastLogged) console.error(logLine ? `[readyz] not ready: ${logLine}` : '[readyz] ready again');
  lastLogged = logLine;
  return readinessResponse(readiness);
}
