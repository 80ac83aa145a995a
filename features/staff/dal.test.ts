import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { eraseApplication } from '@/features/application/erase';
import { addNote, getApplication, getResumeFile } from '@/features/application/queries';
import { changeStatus } from '@/features/application/status-changes';
import type { NewApplication } from '@/features/apply/store';
import { listAudit } from '@/features/audit/queries';
import { pipelineReport } from '@/features/dashboard/pipeline';
import { openExport } from '@/features/inbox/export';
import type { InboxFilter } from '@/features/inbox/filter';
import { countByStatus, getNeighbours, listApplications, listPostingsWithApplications } from '@/features/inbox/queries';
import { createAdminUser, disableAdminUser } from '@/features/staff/cli-accounts';
import { ADDRESS_POLICY } from '@/features/staff/throttle';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, PASSWORD, sessionOf, signedContext } from '@/test-support/factories';
import { signIn, signOut } from './auth';
import { currentViewer, NotSignedInError } from './context';

for (const dialect of testDialects()) {
  let database: Database;

  const context = (token: string | undefined, now = Date.now) => signedContext(database, token, { now });

  async function seed(n: number, overrides: (i: number) => Partial<NewApplication> = () => ({})) {
    for (let i = 0; i < n; i++) {
      await applyTo({ database, fullName: `Person ${i}`, email: `person${i}@example.com`, ...overrides(i) });
    }
  }

  const session = (email: string) => sessionOf({ database, email });

  const auditCount = async (action: 'resume_download' | 'sign_in_failed', actorEmail?: string) => {
    const { db, t } = database;
    const [row] = await db
      .select({ n: count() })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, action), actorEmail ? eq(t.auditLog.actorEmail, actorEmail) : undefined));
    return row!.n;
  };

  describe(`admin data access layer on ${dialect}`, () => {
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
      await createAdminUser({ database, email: 'Manager@Example.com', password: PASSWORD });
      await createAdminUser({ database, email: 'other@example.com', password: PASSWORD });
      await seed(120);
      await seed(3, (i) => ({
        postingSlug: 'design',
        postingTitle: 'Designer',
        fullName: `Dana ${i}`,
        email: `dana${i}@example.com`,
        coverLetter: 'I love typography',
      }));
    });

    it('refuses every read and write without a valid session', async () => {
      for (const token of [undefined, 'x'.repeat(43), 'not a token']) {
        const ctx = context(token);
        await assert.rejects(listApplications({ filter: {}, context: ctx }), NotSignedInError);
        await assert.rejects(getApplication({ id: 1, context: ctx }), NotSignedInError);
        await assert.rejects(changeStatus({ id: 1, to: 'hired', context: ctx }), NotSignedInError);
        await assert.rejects(addNote({ id: 1, body: 'hi', context: ctx }), NotSignedInError);
        await assert.rejects(openExport({ filter: {}, context: ctx }), NotSignedInError);
        await assert.rejects(listAudit({ context: ctx }), NotSignedInError);
        await assert.rejects(getResumeFile({ id: 1, disposition: 'attachment', context: ctx }), NotSignedInError);
        await assert.rejects(countByStatus({ filter: {}, context: ctx }), NotSignedInError);
        await assert.rejects(getNeighbours({ id: 1, filter: {}, context: ctx }), NotSignedInError);
        await assert.rejects(listPostingsWithApplications(ctx), NotSignedInError);
        await assert.rejects(pipelineReport({ query: { days: 30 }, context: ctx }), NotSignedInError);
      }
      assert.equal(await auditCount('resume_download'), 0);
      const { db, t } = database;
      const [row] = await db
        .select({ status: t.applications.status })
        .from(t.applications)
        .where(eq(t.applications.id, 1));
      assert.equal(row?.status, 'new');
    });

    it('signs in case-insensitively, stores only the token hash, and signs out', async () => {
      const token = await session('MANAGER@example.com');
      const viewer = await currentViewer(context(token));
      assert.equal(viewer?.email, 'manager@example.com');
      const stored = await database.db
        .select({ tokenHash: database.t.adminSessions.tokenHash })
        .from(database.t.adminSessions);
      assert.ok(stored.every((s) => s.tokenHash !== token && /^[0-9a-f]{64}$/.test(s.tokenHash)));
      assert.notEqual(await session('manager@example.com'), token);
      await signOut({ token, database });
      assert.equal(await currentViewer(context(token)), null);
    });

    it('ends sessions after the idle timeout', async () => {
      const token = await session('manager@example.com');
      assert.ok(await currentViewer(context(token, () => Date.now() + 60 * 60_000)));
      assert.equal(await currentViewer(context(token, () => Date.now() + 3 * 60 * 60_000)), null);
    });

    it('answers an unknown email like a wrong password, and slows the guesser, not the account', async () => {
      const address = '192.0.2.1';
      // One instant for the guesser's tries (after the account was made): the wait is then exactly the
      // policy's, however slow scrypt runs on a busy machine.
      let at = Date.now();
      const clock = () => at;
      assert.deepEqual(
        await signIn({ input: { email: 'nobody@example.com', password: PASSWORD, address }, database, now: clock }),
        {
          status: 'invalid',
        },
      );
      await createAdminUser({ database, email: 'victim@example.com', password: PASSWORD });
      at = Date.now() + 1;
      for (let i = 0; i < 5; i++) {
        assert.deepEqual(
          await signIn({ input: { email: 'victim@example.com', password: 'wrong', address }, database, now: clock }),
          {
            status: 'invalid',
          },
        );
      }
      // The guesser's address waits, even with the right password…
      const locked = await signIn({
        input: { email: 'victim@example.com', password: PASSWORD, address },
        database,
        now: clock,
      });
      assert.equal(locked.status, 'throttled');
      assert.equal((locked as { retryAfter: number }).retryAfter, 30);
      // …while the admin, from an address that has not failed, signs in, and is told about the attempts.
      const admin = await signIn({
        input: { email: 'victim@example.com', password: PASSWORD, address: '192.0.2.2' },
        database,
      });
      assert.equal(admin.status, 'ok');
      const viewer = await currentViewer(context((admin as { token: string }).token));
      assert.equal(viewer?.failedAttempts, 5);
      assert.equal(viewer?.previousSignInAt, null);
      const { db, t } = database;
      const failures = await db
        .select({ detail: t.auditLog.detail })
        .from(t.auditLog)
        .where(and(eq(t.auditLog.action, 'sign_in_failed'), eq(t.auditLog.actorEmail, 'victim@example.com')));
      assert.deepEqual(
        failures,
        Array.from({ length: 5 }, () => ({ detail: 'from 192.0.2.1' })),
      );
      // The next sign-in counts only what came after this one.
      const again = await signIn({
        input: { email: 'victim@example.com', password: PASSWORD, address: '192.0.2.2' },
        database,
      });
      const next = await currentViewer(context((again as { token: string }).token));
      assert.equal(next?.failedAttempts, 0);
      assert.ok(next?.previousSignInAt instanceof Date);
    });

    // The policy's arithmetic, over twenty scrypt checks: on one database (the throttle's rows are written on
    // both by the test above).
    it(
      'throttles an address that tries many accounts',
      { skip: dialect !== 'sqlite' && 'on SQLite only' },
      async () => {
        const address = '198.51.100.7';
        for (let i = 0; i < ADDRESS_POLICY.free; i++) {
          await signIn({ input: { email: `guess${i}@example.com`, password: 'wrong', address }, database });
        }
        const result = await signIn({ input: { email: 'other@example.com', password: PASSWORD, address }, database });
        assert.equal(result.status, 'throttled');
        assert.equal(
          (
            await signIn({
              input: { email: 'other@example.com', password: PASSWORD, address: '198.51.100.8' },
              database,
            })
          ).status,
          'ok',
        );
      },
    );

    it('pages newest first, 50 at a time, by keyset', async () => {
      const ctx = context(await session('manager@example.com'));
      const first = await listApplications({ filter: {}, context: ctx });
      assert.equal(first.rows.length, 50);
      assert.equal(first.rows[0]!.fullName, 'Dana 2');
      assert.ok(first.rows.every((r, i, all) => i === 0 || all[i - 1]!.id > r.id));
      const third = await listApplications({
        filter: {},
        before: (await listApplications({ filter: {}, before: first.nextCursor, context: ctx })).nextCursor,
        context: ctx,
      });
      assert.equal(third.rows.length, 23);
      assert.equal(third.nextCursor, undefined);
    });

    it('filters by posting, status, dates and full-text search', async () => {
      const ctx = context(await session('manager@example.com'));
      assert.equal((await listApplications({ filter: { posting: 'design' }, context: ctx })).rows.length, 3);
      assert.equal((await listApplications({ filter: { q: 'typography' }, context: ctx })).rows.length, 3);
      assert.equal(
        (await listApplications({ filter: { q: 'person17@example.com' }, context: ctx })).rows[0]?.fullName,
        'Person 17',
      );
      assert.equal((await listApplications({ filter: { q: 'Dan' }, context: ctx })).rows.length, 3);
      assert.equal((await listApplications({ filter: { q: '"OR -' }, context: ctx })).rows.length, 0);
      assert.equal(
        (await listApplications({ filter: { from: '2000-01-01', to: '2000-01-31' }, context: ctx })).rows.length,
        0,
      );
      const today = new Date().toISOString().slice(0, 10);
      assert.equal(
        (await listApplications({ filter: { from: today, to: today, posting: 'design' }, context: ctx })).rows.length,
        3,
      );
      const postings = await listPostingsWithApplications(ctx);
      assert.deepEqual(postings.map((p) => p.slug).sort(), ['backend', 'design']);
    });

    it('records status changes with who and when, notes, counts and the audit log', async () => {
      const ctx = context(await session('manager@example.com'));
      assert.equal(await changeStatus({ id: 5, to: 'reviewing', context: ctx }), 'changed');
      assert.equal(await changeStatus({ id: 5, to: 'reviewing', context: ctx }), 'unchanged');
      assert.equal(await changeStatus({ id: 99_999, to: 'hired', context: ctx }), 'not-found');
      assert.equal(await addNote({ id: 5, body: 'Strong Go background', context: ctx }), true);
      const detail = await getApplication({ id: 5, context: ctx });
      assert.equal(detail?.status, 'reviewing');
      assert.deepEqual(
        detail?.history.map((h) => [h.from, h.to, h.by]),
        [['new', 'reviewing', 'manager@example.com']],
      );
      assert.deepEqual(
        detail?.notes.map((n) => [n.body, n.author]),
        [['Strong Go background', 'manager@example.com']],
      );
      assert.equal((await countByStatus({ filter: {}, context: ctx })).counts.reviewing, 1);
      assert.equal((await listApplications({ filter: { status: 'reviewing' }, context: ctx })).rows[0]?.id, 5);
      const actions = (await listAudit({ context: ctx })).entries.map((e) => e.action);
      assert.ok(actions.includes('status_change') && actions.includes('note_added') && actions.includes('sign_in'));
      assert.equal(await getApplication({ id: 99_999, context: ctx }), null);
    });

    it('a final status starts the retention clock, leaving it stops it; an email goes only with a message', async () => {
      const ctx = context(await session('manager@example.com'));
      const { db, t } = database;
      const decided = async (id: number) =>
        (await db.select({ at: t.applications.decidedAt }).from(t.applications).where(eq(t.applications.id, id)))[0]!
          .at;
      const statusMail = async (id: number) =>
        (
          await db
            .select({ n: count() })
            .from(t.outbox)
            .where(and(eq(t.outbox.applicationId, id), eq(t.outbox.kind, 'status_update')))
        )[0]!.n;
      assert.equal(await changeStatus({ id: 7, to: 'rejected', context: ctx }), 'changed');
      const first = await decided(7);
      assert.ok(first);
      assert.equal(await changeStatus({ id: 7, to: 'hired', context: ctx }), 'changed');
      assert.equal((await decided(7))?.getTime(), first.getTime(), 'final to final keeps the first decision time');
      assert.equal(await statusMail(7), 0);
      assert.equal(
        await changeStatus({ id: 7, to: 'interview', context: ctx, message: 'Dear Ada,\n\nLet us meet.' }),
        'changed',
      );
      assert.equal(await decided(7), null);
      assert.equal(await statusMail(7), 1);
      const actions = (await listAudit({ context: ctx })).entries
        .filter((e) => e.applicationId === 7)
        .map((e) => e.action);
      assert.ok(actions.includes('mail_sent'));
      // An erased application's stub does not move, nor take notes.
      await eraseApplication({ id: 8, context: ctx });
      assert.equal(await changeStatus({ id: 8, to: 'interview', context: ctx }), 'not-found');
      assert.equal(await addNote({ id: 8, body: 'too late', context: ctx }), false);
      assert.equal(await getResumeFile({ id: 8, disposition: 'inline', context: ctx }), null);
      assert.equal((await getApplication({ id: 8, context: ctx }))?.fullName, 'Erased applicant');
    });

    it('finds previous and next within the filter', async () => {
      const ctx = context(await session('manager@example.com'));
      assert.deepEqual(await getNeighbours({ id: 122, filter: { posting: 'design' }, context: ctx }), {
        newer: 123,
        older: 121,
      });
      assert.deepEqual(await getNeighbours({ id: 121, filter: { posting: 'design' }, context: ctx }), {
        newer: 122,
        older: undefined,
      });
    });

    it('pages, steps and exports through a search as through any filter', async () => {
      // On SQLite the search index drives these queries and pages on its rowid (db/dialect.ts).
      const ctx = context(await session('manager@example.com'));
      const pages = async (filter: InboxFilter) => {
        const out: { id: number; fullName: string; email: string }[][] = [];
        let cursor: number | undefined;
        do {
          const page = await listApplications({ filter, before: cursor, context: ctx });
          out.push(page.rows);
          cursor = page.nextCursor;
        } while (cursor);
        return out;
      };
      const expected = (await pages({})).flat().filter((r) => r.fullName.startsWith('Person '));
      assert.ok(expected.length > 100);
      const found = await pages({ q: 'person' });
      assert.ok(found.slice(0, -1).every((page) => page.length === 50));
      const ids = found.flat().map((r) => r.id);
      assert.deepEqual(
        ids,
        expected.map((r) => r.id),
      );
      assert.deepEqual(await getNeighbours({ id: ids[60]!, filter: { q: 'person' }, context: ctx }), {
        newer: ids[59],
        older: ids[61],
      });
      assert.deepEqual(await getNeighbours({ id: ids.at(-1)!, filter: { q: 'person' }, context: ctx }), {
        newer: ids.at(-2),
        older: undefined,
      });
      const { counts } = await countByStatus({ filter: { q: 'person' }, context: ctx });
      assert.equal(
        Object.values(counts).reduce((a, b) => a + b, 0),
        ids.length,
      );
      const next = await openExport({ filter: { q: 'person' }, context: ctx, batchSize: 50 });
      const exported: (string | null)[] = [];
      for (let batch = await next(); batch.length; batch = await next())
        exported.push(...batch.map((r) => r.email ?? null));
      assert.deepEqual(
        exported,
        found.flat().map((r) => r.email),
      );
    });

    it('exports in batches by keyset', async () => {
      const ctx = context(await session('manager@example.com'));
      const next = await openExport({ filter: { posting: 'backend' }, context: ctx, batchSize: 50 });
      const sizes = [(await next()).length, (await next()).length, (await next()).length, (await next()).length];
      assert.deepEqual(sizes, [50, 50, 20, 0]);
    });

    it('records an export with its filters but never what was typed to search', async () => {
      const ctx = context(await session('manager@example.com'));
      await openExport({
        filter: { posting: 'backend', q: 'Lovelace ada@example.com', source: 'ada-personal' },
        context: ctx,
      });
      const { db, t } = database;
      const [entry] = await db
        .select({ detail: t.auditLog.detail })
        .from(t.auditLog)
        .where(eq(t.auditLog.action, 'export'))
        .orderBy(desc(t.auditLog.id))
        .limit(1);
      assert.equal(entry!.detail, 'posting=backend, a source, a search');
    });

    it('records a failed sign-in to an unknown account without what was typed', async () => {
      await signIn({
        input: { email: 'ada.candidate@example.com', password: 'x'.repeat(12), address: '198.51.100.7' },
        database,
      });
      const { db, t } = database;
      const [entry] = await db
        .select({ actor: t.auditLog.actorEmail })
        .from(t.auditLog)
        .where(eq(t.auditLog.action, 'sign_in_failed'))
        .orderBy(desc(t.auditLog.id))
        .limit(1);
      assert.equal(entry!.actor, 'unknown account');
    });

    it('ends every session of a disabled account', async () => {
      const token = await session('other@example.com');
      await disableAdminUser({ database, email: 'other@example.com' });
      assert.equal(await currentViewer(context(token)), null);
      assert.deepEqual(
        await signIn({ input: { email: 'other@example.com', password: PASSWORD, address: '203.0.113.9' }, database }),
        {
          status: 'invalid',
        },
      );
    });

    it("counts today's applications on the dashboard, per day and per posting", async () => {
      const token = await session('manager@example.com');
      const report = await pipelineReport({ query: { days: 30 }, context: context(token) });
      const days = report.perDay;
      assert.equal(days.length, 30);
      assert.equal(days.at(-1)!.date, new Date().toISOString().slice(0, 10));
      assert.equal(days.at(-1)!.count, 123, 'every application seeded today is counted today');
      assert.equal(
        days.slice(0, -1).reduce((sum, d) => sum + d.count, 0),
        0,
      );
      assert.deepEqual(
        report.perPosting.map((p) => [p.slug, p.count]),
        [
          ['backend', 120],
          ['design', 3],
        ],
      );
    });

    it('counts parallel guesses: a burst of wrong passwords meets the lock, not just the first five', async () => {
      await createAdminUser({ database, email: 'burst@example.com', password: PASSWORD });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          signIn({ input: { email: 'burst@example.com', password: `wrong ${i}`, address: '198.51.100.99' }, database }),
        ),
      );
      const invalid = results.filter((r) => r.status === 'invalid').length;
      assert.ok(invalid <= 5, `${invalid} guesses were checked; at most 5 may be before the lock`);
      assert.ok(results.some((r) => r.status === 'throttled'));
    });

    it('keeps per-status counts exact through inserts, status changes and deletes, without counting rows', async () => {
      const token = await session('manager@example.com');
      const { counts: before } = await countByStatus({ filter: { posting: 'design' }, context: context(token) });
      await seed(1, () => ({
        postingSlug: 'design',
        postingTitle: 'Designer',
        fullName: 'Counted Once',
        email: 'counted@example.com',
      }));
      const { db, t } = database;
      const [{ id }] = (await db
        .select({ id: t.applications.id })
        .from(t.applications)
        .where(eq(t.applications.email, 'counted@example.com'))) as [{ id: number }];
      assert.equal(
        (await countByStatus({ filter: { posting: 'design' }, context: context(token) })).counts.new,
        before.new + 1,
      );
      await changeStatus({ id, to: 'interview', context: context(token) });
      const { counts: moved } = await countByStatus({ filter: { posting: 'design' }, context: context(token) });
      assert.equal(moved.new, before.new);
      assert.equal(moved.interview, before.interview + 1);
      await db.delete(t.applications).where(eq(t.applications.id, id));
      assert.deepEqual(
        (await countByStatus({ filter: { posting: 'design' }, context: context(token) })).counts,
        before,
      );
      // A search counts matching rows instead, and agrees with the counters on the same rows.
      assert.deepEqual(await countByStatus({ filter: { q: 'typography' }, context: context(token) }), {
        counts: { new: 3, reviewing: 0, interview: 0, offer: 0, hired: 0, rejected: 0, withdrawn: 0 },
        exact: true,
      });
    });
  });
}
