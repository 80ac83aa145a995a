import 'server-only';
import type { Database } from '@/db/database';
import { pendingMigrations } from '@/db/migration-state';
import type { ResumeStore } from '@/features/resumes/store';

// What a load balancer or an orchestrator asks before it sends this instance traffic: the database answers,
// it holds every migration this build ships, and the resume store (when it is a bucket) answers too. Each check
// has a deadline, so a database that hangs makes the instance "not ready", not a probe that never returns.

export type Readiness = {
  ready: boolean;
  checks: {
    database: 'ok' | 'failing';
    migrations: 'ok' | 'behind' | 'unknown';
    storage: 'ok' | 'failing' | 'in the database';
  };
  /** Why a check failed, for the server's log; never sent to the client (it may name hosts). */
  problems: string[];
};

const DEADLINE_MS = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The database and the store are asked for, not given: opening either is what may fail. */
export async function checkReadiness({
  database,
  store,
  deadlineMs = DEADLINE_MS,
}: {
  database: () => Promise<Database>;
  store: () => ResumeStore;
  deadlineMs?: number;
}): Promise<Readiness> {
  const problems: string[] = [];
  const checks: Readiness['checks'] = { database: 'failing', migrations: 'unknown', storage: 'failing' };
  const databaseCheck = within(
    (async () => {
      const pending = await pendingMigrations(await database());
      checks.database = 'ok';
      checks.migrations = pending.length ? 'behind' : 'ok';
      if (pending.length) problems.push(`migrations not applied: ${pending.join(', ')}`);
    })(),
    deadlineMs,
  ).catch((error: unknown) => void problems.push(`database: ${reason(error)}`));
  const storageCheck = within(
    (async () => {
      const resumes = store();
      await resumes.reachable();
      checks.storage = resumes.kind === 's3' ? 'ok' : 'in the database';
    })(),
    deadlineMs,
  ).catch((error: unknown) => void problems.push(`storage: ${reason(error)}`));
  await Promise.all([databaseCheck, storageCheck]);
  const ready = checks.database === 'ok' && checks.migrations === 'ok' && checks.storage !== 'failing';
  return { ready, checks, problems };
}

/** The probe's answer: 200 when ready, 503 when not, with the checks (and never the problems) as JSON. */
export function readinessResponse({ ready, checks }: Readiness): Response {
  return Response.json(
    { status: ready ? 'ready' : 'not ready', checks },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
