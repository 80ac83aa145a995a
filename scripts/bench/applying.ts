import crypto from 'node:crypto';
import { count, like } from 'drizzle-orm';
import { storeApplication } from '@/db/applications';
import { openDatabase } from '@/db/database';
import { databaseStore } from '@/db/storage/resume-store';
import type { Server } from '@/scripts/lib/server';
import { actionFields, applicationForm, isAcknowledged, SEED_SLUG } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';
import { ms, p99, row } from './table';

/**
 * Applications through the real form path (multipart, 100 KB PDF, eight clients) against the data layer
 * storing the same application directly on the same kind of database: resume and application in one
 * transaction each, no HTTP, no Next.
 */
export async function applying(server: Server, databaseUrl: string, rawDatabaseUrl: string, seconds: number) {
  const hidden = await actionFields(server.origin);
  const latencies: number[] = [];
  let acknowledged = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const email = `bench-${crypto.randomUUID()}@example.com`;
        const t0 = performance.now();
        const response = await fetch(`${server.origin}/careers/${SEED_SLUG}`, {
          method: 'POST',
          body: applicationForm(hidden, { email, fullName: 'Bench Applicant', resume: minimalPdf(email, 100 * 1024) }),
          headers: { Origin: server.origin },
          redirect: 'manual',
        });
        await response.arrayBuffer();
        const ok = isAcknowledged(response);
        latencies.push(performance.now() - t0);
        if (ok) acknowledged++;
      }
    }),
  );
  const formRate = acknowledged / ((Date.now() - started) / 1000);
  const database = await openDatabase(databaseUrl);
  const [stored] = await database.db
    .select({ n: count() })
    .from(database.t.applications)
    .where(like(database.t.applications.email, 'bench-%'));
  await database.close();
  if (stored!.n !== acknowledged) throw new Error(`${acknowledged} acknowledged but ${stored!.n} stored`);

  const raw = await openDatabase(rawDatabaseUrl);
  const rawLatencies: number[] = [];
  const rawStart = performance.now();
  for (let i = 0; i < Math.max(acknowledged, 200); i++) {
    const email = `bench-${crypto.randomUUID()}@example.com`;
    const resume = { fileName: 'resume.pdf', mediaType: 'application/pdf', bytes: minimalPdf(email, 100 * 1024) };
    const t0 = performance.now();
    await storeApplication(
      {
        postingSlug: SEED_SLUG,
        postingTitle: 'Senior Backend Engineer (Remote)',
        fullName: 'Bench Applicant',
        email,
        consentAt: new Date(),
        resume,
      },
      raw,
      { quotaBytes: Number.MAX_SAFE_INTEGER, store: databaseStore },
    );
    rawLatencies.push(performance.now() - t0);
  }
  const rawRate = rawLatencies.length / ((performance.now() - rawStart) / 1000);
  await raw.close();
  row('Applying (100 KB PDF)', 'stored/s', formRate.toFixed(0), rawRate.toFixed(0), (formRate / rawRate).toFixed(3));
  row(
    'Applying (100 KB PDF)',
    'p99 latency',
    ms(p99(latencies)),
    ms(p99(rawLatencies)),
    (p99(latencies) / p99(rawLatencies)).toFixed(0),
  );
  row('Applying (100 KB PDF)', 'rows = acknowledged', `${stored!.n} = ${acknowledged}`, '', 'yes');
}
