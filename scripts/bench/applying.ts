import crypto from 'node:crypto';
import { count, like } from 'drizzle-orm';
import { openDatabase } from '@/db/database';
import { storeApplication } from '@/features/apply/store';
import { databaseStore } from '@/features/resumes/store';
import type { Server } from '@/scripts/lib/server';
import {
  actionFields,
  applicationForm,
  isAcknowledged,
  isAcknowledgedJs,
  jsActionRequest,
  SEED_SLUG,
} from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';
import { meets, ms, p99, row } from './table';

type Path = 'without JavaScript' | 'with JavaScript';

/** Eight clients applying for `seconds` along one path; every answer's latency, and how many were acknowledged. */
async function load(server: Server, path: Path, hidden: [string, string][], seconds: number) {
  const latencies: number[] = [];
  let acknowledged = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const email = `bench-${crypto.randomUUID()}@example.com`;
        const fields = { email, fullName: 'Bench Applicant', resume: minimalPdf(email, 100 * 1024) };
        const js = path === 'with JavaScript' ? jsActionRequest(hidden, fields) : undefined;
        const t0 = performance.now();
        const response = await fetch(`${server.origin}/careers/${SEED_SLUG}`, {
          method: 'POST',
          body: js ? js.body : applicationForm(hidden, fields),
          headers: { Origin: server.origin, ...js?.headers },
          redirect: 'manual',
        });
        await response.arrayBuffer();
        const ok = js ? isAcknowledgedJs(response) : isAcknowledged(response);
        latencies.push(performance.now() - t0);
        if (ok) acknowledged++;
      }
    }),
  );
  return { latencies, acknowledged, rate: acknowledged / ((Date.now() - started) / 1000) };
}

// Long: the benchmark's script, step by step.
/**
 * Applications through the real form paths (multipart, 100 KB PDF, eight clients), as a browser sends them
 * without JavaScript (the form's POST, answered 303) and with it (the action request, answered with the
 * confirmation's RSC), against the data layer storing the same application directly on the same kind of
 * database: resume and application in one transaction each, no HTTP, no Next.
 */
export async function applying(server: Server, databaseUrl: string, rawDatabaseUrl: string, seconds: number) {
  const hidden = await actionFields(server.origin);
  const paths: Path[] = ['without JavaScript', 'with JavaScript'];
  const results = [];
  for (const path of paths) {
    const database = await openDatabase(databaseUrl);
    const before = await benchRows(database);
    await database.close();
    const result = await load(server, path, hidden, seconds);
    const after = await openDatabase(databaseUrl);
    const stored = (await benchRows(after)) - before;
    await after.close();
    results.push({ path, ...result, stored });
  }
  const acknowledged = Math.max(...results.map((r) => r.acknowledged));

  const raw = await openDatabase(rawDatabaseUrl);
  const rawLatencies: number[] = [];
  const rawStart = performance.now();
  for (let i = 0; i < Math.max(acknowledged, 200); i++) {
    const email = `bench-${crypto.randomUUID()}@example.com`;
    const resume = { fileName: 'resume.pdf', mediaType: 'application/pdf', bytes: minimalPdf(email, 100 * 1024) };
    const t0 = performance.now();
    await storeApplication({
      application: {
        postingSlug: SEED_SLUG,
        postingTitle: 'Senior Backend Engineer (Remote)',
        fullName: 'Bench Applicant',
        email,
        consentAt: new Date(),
        resume,
      },
      database: raw,
      quotaBytes: Number.MAX_SAFE_INTEGER,
      store: databaseStore,
    });
    rawLatencies.push(performance.now() - t0);
  }
  const rawRate = rawLatencies.length / ((performance.now() - rawStart) / 1000);
  await raw.close();
  for (const { path, rate, latencies, acknowledged, stored } of results) {
    const label = `Applying ${path} (100 KB PDF)`;
    const target = path === 'with JavaScript' ? 0.1 : 0.06;
    row(
      label,
      'stored/s',
      rate.toFixed(0),
      rawRate.toFixed(0),
      (rate / rawRate).toFixed(3),
      meets(rate / rawRate >= target, `≥ ${target}`),
    );
    row(
      label,
      'p99 latency',
      ms(p99(latencies)),
      ms(p99(rawLatencies)),
      (p99(latencies) / p99(rawLatencies)).toFixed(0),
    );
    row(
      label,
      'rows = acknowledged',
      `${stored} = ${acknowledged}`,
      '',
      stored === acknowledged ? 'yes' : 'no',
      meets(stored === acknowledged, 'equal'),
    );
  }
}

async function benchRows(database: Awaited<ReturnType<typeof openDatabase>>) {
  const [stored] = await database.db
    .select({ n: count() })
    .from(database.t.applications)
    .where(like(database.t.applications.email, 'bench-%'));
  return stored!.n;
}
