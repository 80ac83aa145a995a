import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E_DATABASE_FILE, E2E_DATABASE_URL } from '../fixtures/env';

export const PASSWORD = 'e2e admin password 123';

export type Admin = { email: string; password: string; signIn: (page: Page) => Promise<void> };

function writeDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path.resolve(E2E_DATABASE_FILE), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}

/** Inserts an application and its resume straight into the e2e database; returns its id. */
export function seedApplication(fields: { fullName: string; email?: string; coverLetter?: string; postingSlug?: string; postingTitle?: string }) {
  const resumeId = crypto.randomUUID();
  const reference = crypto.randomBytes(4).toString('hex').toUpperCase().replace(/(.{4})/, '$1-');
  const now = Date.now();
  return writeDb((db) =>
    db.transaction(() => {
      db.prepare('INSERT INTO resumes (id, file_name, media_type, size, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        resumeId, 'my "cv"\r\n.pdf', 'application/pdf', 20, 'x', Buffer.from('%PDF-1.4 e2e resume'), now,
      );
      const email = fields.email ?? `${crypto.randomUUID()}@example.com`;
      const result = db
        .prepare(
          `INSERT INTO applications (reference, posting_slug, posting_title, full_name, email, email_key, cover_letter, consent_at, resume_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(reference, fields.postingSlug ?? 'senior-backend-engineer-remote', fields.postingTitle ?? 'Senior Backend Engineer',
          fields.fullName, email, email.toLowerCase(), fields.coverLetter ?? null, now, resumeId, now);
      return Number(result.lastInsertRowid);
    })(),
  );
}

export function readDb<T>(sql: string, ...params: unknown[]): T[] {
  return writeDb((db) => db.prepare(sql).all(...params) as T[]);
}

export const uniqueTag = () => `t${crypto.randomBytes(5).toString('hex')}`;

export const test = base.extend<{ admin: Admin }>({
  admin: async ({ request }, use, testInfo) => {
    // The server creates and migrates its database on first use; the sign-in page touches it.
    await request.get('/admin/sign-in');
    const email = `admin-${testInfo.workerIndex}-${uniqueTag()}@example.com`;
    execFileSync('npx', ['tsx', 'scripts/admin-create.ts', '--email', email], {
      input: PASSWORD,
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    await use({
      email,
      password: PASSWORD,
      signIn: async (page) => {
        await page.goto('/admin/sign-in');
        await page.getByLabel('Email address').fill(email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
      },
    });
  },
});

export { expect };
