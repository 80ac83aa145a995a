import { eq } from 'drizzle-orm';
import { actionFields, applicationForm, isAcknowledged } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';
import { startSmtpSink } from '@/test-support/smtp-sink';
import { uniqueEmail } from './fixtures/apply';
import { E2E_SMTP_PORT } from './fixtures/env';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// The mail server is down while applications arrive: each is still stored and acknowledged, its emails wait
// in the outbox with the reason, and when the mail server is back every one of them goes out.

const DOWN_PORT = E2E_SMTP_PORT + 10; // nothing listens here until the test starts its own SMTP server
const TEAM = 'outage-team@example.com';

test.describe('SMTP down, then back', () => {
  test.describe.configure({ mode: 'serial' });
  let server: ExtraServer;
  test.beforeAll(async () => {
    server = await startExtraServer('mail-outage', 16, {
      MAIL_WORKER: 'on',
      SMTP_URL: `smtp://127.0.0.1:${DOWN_PORT}`,
      HIRING_TEAM_EMAIL: TEAM,
      // Tries again after 1, 2, 4… seconds instead of minutes, so the test need not wait.
      MAIL_RETRY_SECONDS: '1',
    });
  });
  test.afterAll(async () => server?.stop());

  test('every application is stored and acknowledged, and every email is delivered once SMTP returns', async () => {
    test.setTimeout(60_000);
    const hidden = await actionFields(server.origin);
    const emails = Array.from({ length: 5 }, () => uniqueEmail('outage'));
    for (const email of emails) {
      const response = await fetch(`${server.origin}/careers/senior-backend-engineer-remote`, {
        method: 'POST',
        body: applicationForm(hidden, { email, fullName: 'Patient Candidate', resume: minimalPdf(email) }),
        headers: { Origin: server.origin },
        redirect: 'manual',
      });
      expect(isAcknowledged(response), `HTTP ${response.status}`).toBe(true);
    }
    const { db, t } = server.database;
    expect(await db.select({ id: t.applications.id }).from(t.applications)).toHaveLength(5);

    // The worker has tried and failed: each email waits, with the reason, for the next try.
    await expect
      .poll(async () => {
        const waiting = await db
          .select({ attempts: t.outbox.attempts, error: t.outbox.lastError })
          .from(t.outbox)
          .where(eq(t.outbox.status, 'pending'));
        return waiting.length === 10 && waiting.every((m) => m.attempts >= 1 && /ECONNREFUSED/.test(m.error ?? ''));
      })
      .toBe(true);

    const sink = await startSmtpSink(DOWN_PORT);
    try {
      await expect.poll(() => sink.messages().length, { timeout: 30_000 }).toBe(10);
      for (const email of emails) {
        const received = sink.messages().filter((m) => m.to.includes(email));
        expect(received.map((m) => m.subject)).toEqual(['Your application for Senior Backend Engineer (Remote)']);
      }
      expect(sink.messages().filter((m) => m.to.includes(TEAM))).toHaveLength(5);
      const states = await db.select({ status: t.outbox.status }).from(t.outbox);
      expect(states.every((m) => m.status === 'sent')).toBe(true);
    } finally {
      await sink.close();
    }
  });
});
