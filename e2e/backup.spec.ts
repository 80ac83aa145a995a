import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { actionFields, applicationForm, isAcknowledged } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';
import { SEED } from './fixtures/apply';
import { currentTarget } from './fixtures/db';
import { loopback, send } from './fixtures/http';
import { expect, test } from './fixtures/test';

// npm run db:backup copies the live SQLite database while the site takes applications.

test('a backup taken during concurrent applications is sound and holds every one acknowledged before it began', async ({
  baseURL,
}) => {
  test.setTimeout(60_000);
  const hidden = await actionFields(baseURL!);
  const acknowledged: { email: string; at: number }[] = [];
  let running = true;
  const applicant = async () => {
    const from = loopback();
    while (running) {
      const email = `backup-${crypto.randomUUID()}@example.com`;
      const body = applicationForm(hidden, { email, fullName: 'Backed Up', resume: minimalPdf(email, 50_000) });
      const response = await send(`${baseURL}${SEED}`, { from, body, headers: { Origin: baseURL! } });
      if (isAcknowledged({ status: response.status, location: response.headers.location })) {
        acknowledged.push({ email, at: Date.now() });
      }
    }
  };
  const applicants = Array.from({ length: 4 }, applicant);
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'careers-backup-')), 'backup.db');
  const startedAt = Date.now();
  const before = acknowledged.filter((a) => a.at < startedAt).map((a) => a.email);
  const backup = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', '--to', file], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: currentTarget().databaseUrl },
  });
  let output = '';
  backup.stdout.on('data', (chunk) => (output += chunk));
  backup.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => backup.on('close', resolve));
  running = false;
  await Promise.all(applicants);

  expect(code, output).toBe(0);
  expect(output).toContain('integrity_check ok');
  expect(before.length).toBeGreaterThan(0);
  expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
  const copy = new BetterSqlite3(file, { readonly: true });
  expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  const present = new Set(
    (copy.prepare('SELECT email FROM applications').all() as { email: string }[]).map((r) => r.email),
  );
  copy.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  expect(before.filter((email) => !present.has(email))).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(before.length); // applications kept arriving while it ran
});
