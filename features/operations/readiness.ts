import 'server-only';
import type { Database } from '@/db/database';
import { pendingMigrations } from '@/db/migration-state';
import type { ResumeStore } from '@/features/resumes/store';
import { within } from '@/lib/deadline';

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
  // Each check yields its own result; one past its deadline is failing, and what it finds later is dropped.
  const [databaseResult, storage] = await Promise.all([
    within(
      (async () => {
        const pending = await pendingMigrations({ database: await database(), timeoutMs: deadlineMs });
        return { database: 'ok', migrations: pending.length ? 'behind' : 'ok', pending } as const;
      })(),
      deadlineMs,
    ).catch((error: unknown) => {
      problems.push(`database: ${reason(error)}`);
      return { database: 'failing', migrations: 'unknown', pending: [] } as const;
    }),
    within(
      (async () => {
        const resumes = store();
        await resumes.reachable();
        return resumes.kind === 's3' ? ('ok' as const) : ('in the database' as const);
      })(),
      deadlineMs,
    ).catch((error: unknown) => {
      problems.push(`storage: ${reason(error)}`);
      return 'failing' as const;
    }),
  ]);
  const { pending, ...databaseChecks } = databaseResult;
  if (pending.length) problems.push(`migrations not applied: ${pending.join(', ')}`);
  const checks: Readiness['checks'] = { ...databaseChecks, storage };
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
