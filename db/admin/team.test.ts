import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createAdminUser } from '@/db/admin-accounts';
import { storeApplication } from '@/db/applications';
import type { Database } from '@/db/database';
import { signedContext } from '@/test-support/admin-session';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { RoleRequiredError } from './access';
import {
  addNote,
  changeStatus,
  countByStatus,
  getApplication,
  getNeighbours,
  getResumeFile,
  listApplications,
  listPostingsWithApplications,
} from './applications';
import { listAudit } from './audit';
import { signIn } from './auth';
import { NotSignedInError } from './context';
import { eraseApplication } from './erasure';
import { openExport } from './export';
import { listApplicationMail } from './mail';
import { getAppliedVersion } from './posting-versions';
import { applicationsPerSource, listSources } from './sources';
import { applicationsPerDay, applicationsPerPosting, statusFunnel } from './stats';
import {
  acceptInvitation,
  assignApplications,
  changeRole,
  findInvitation,
  inviteMember,
  listActiveMembers,
  listAssignable,
  setDisabled,
  setPostingMembers,
  TeamError,
} from './team';

const PASSWORD = 'a long enough password';
// The posting teams named in front matter, as the content would give them.
const FRONT_MATTER_TEAMS = new Map([['design', ['named@example.com']]]);

for (const dialect of testDialects()) {
  let database: Database;
  const tokens = new Map<string, string>();
  const ids: Record<string, number> = {};

  const context = (email: string, now = Date.now) =>
    signedContext(database, () => tokens.get(email), { now, postingTeams: async () => FRONT_MATTER_TEAMS });

  async function account(email: string, role: 'owner' | 'recruiter' | 'reviewer') {
    const user = await createAdminUser(database, email, PASSWORD, { role });
    const result = await signIn({ email, password: PASSWORD, address: '10.0.0.1' }, database);
    tokens.set(email, (result as { token: string }).token);
    return user.id;
  }

  async function apply(postingSlug: string, i: number, source?: string) {
    const stored = await storeApplication(
      {
        source,
        postingSlug,
        postingTitle: postingSlug === 'backend' ? 'Backend Engineer' : 'Designer',
        fullName: `Person ${postingSlug} ${i}`,
        email: `${postingSlug}${i}@example.com`,
        consentAt: new Date(),
        resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 test') },
      },
      database,
    );
    assert.equal(stored.status, 'stored');
    return (stored as { id: number }).id;
  }

  const denials = async (actor: string) => {
    const { db, t } = database;
    return db
      .select({ applicationId: t.auditLog.applicationId, detail: t.auditLog.detail })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, 'access_denied'), eq(t.auditLog.actorEmail, actor)));
  };

  describe(`roles and the team on ${dialect}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const cleanup of cleanups) await cleanup();
    });
    before(async () => {
      database = await freshDatabase(dialect, { after: (fn) => void cleanups.push(fn) });
      ids.owner = await account('owner@example.com', 'owner');
      ids.recruiter = await account('recruiter@example.com', 'recruiter');
      ids.backendReviewer = await account('backend-reviewer@example.com', 'reviewer');
      ids.named = await account('named@example.com', 'reviewer');
      ids.nobody = await account('nobody@example.com', 'reviewer');
      ids.backend = await apply('backend', 1, 'linkedin');
      ids.backend2 = await apply('backend', 2);
      ids.design = await apply('design', 1, 'design-secret');
      await setPostingMembers('backend', [ids.backendReviewer!], context('owner@example.com'));
    });

    it('a reviewer of another posting is refused every read and write of it, nothing changes, each try audited', async () => {
      const ctx = context('backend-reviewer@example.com');
      const design = ids.design!;
      assert.equal(await getApplication(design, ctx), null);
      assert.equal(await getResumeFile(design, 'attachment', ctx), null);
      assert.equal(await changeStatus(design, 'hired', ctx), 'not-found');
      assert.equal(await addNote(design, 'sneaky', ctx), false);
      assert.deepEqual(await listApplicationMail(design, ctx), []);
      assert.deepEqual(await listAssignable(design, ctx), []);
      assert.deepEqual(await assignApplications([design], ids.backendReviewer!, ctx), { assigned: 0, refused: 1 });
      await assert.rejects(eraseApplication(design, ctx), RoleRequiredError);
      await assert.rejects(listAudit(undefined, ctx), RoleRequiredError);
      assert.equal(await getAppliedVersion(design, ctx), null);
      // Sources of their posting only: the other posting's source is not even named.
      assert.deepEqual(
        (await applicationsPerSource(ctx)).sort((a, b) => String(a.source).localeCompare(String(b.source))),
        [
          { source: 'linkedin', count: 1 },
          { source: null, count: 1 },
        ],
      );
      assert.deepEqual(await listSources(ctx), ['linkedin']);
      assert.deepEqual((await listSources(context('owner@example.com'))).sort(), ['design-secret', 'linkedin']);

      const listed = await listApplications({}, undefined, ctx);
      assert.deepEqual(listed.rows.map((row) => row.postingSlug).sort(), ['backend', 'backend']);
      assert.deepEqual((await listApplications({ posting: 'design' }, undefined, ctx)).rows, []);
      assert.equal((await countByStatus({}, ctx)).counts.new, 2);
      assert.equal((await countByStatus({ q: 'Person' }, ctx)).counts.new, 2);
      assert.equal((await statusFunnel(ctx)).new, 2);
      assert.deepEqual(
        (await listPostingsWithApplications(ctx)).map((p) => p.slug),
        ['backend'],
      );
      assert.deepEqual(
        (await applicationsPerPosting(ctx)).map((p) => p.slug),
        ['backend'],
      );
      assert.equal((await applicationsPerDay(1, ctx)).at(-1)!.count, 2);
      const nextBatch = await openExport({}, ctx);
      assert.deepEqual(
        (await nextBatch()).map((row) => row.postingSlug),
        ['backend', 'backend'],
      );
      const neighbours = await getNeighbours(ids.backend!, {}, ctx);
      assert.equal(neighbours.newer, ids.backend2);

      const { db, t } = database;
      const [row] = await db
        .select({ status: t.applications.status, erasedAt: t.applications.erasedAt })
        .from(t.applications)
        .where(eq(t.applications.id, design));
      assert.deepEqual(row, { status: 'new', erasedAt: null });
      const notes = await db.select().from(t.applicationNotes).where(eq(t.applicationNotes.applicationId, design));
      assert.equal(notes.length, 0);
      const refused = await denials('backend-reviewer@example.com');
      assert.ok(refused.length >= 8, `expected each refusal audited, got ${refused.length}`);
      assert.ok(refused.some((r) => r.applicationId === design && r.detail === 'move to hired'));
      assert.ok(refused.some((r) => r.detail === 'read the audit log'));
    });

    it('a reviewer sees the postings they were put on in the admin, or named on in front matter', async () => {
      const onBackend = context('backend-reviewer@example.com');
      assert.ok(await getApplication(ids.backend!, onBackend));
      assert.equal(await changeStatus(ids.backend!, 'reviewing', onBackend), 'changed');
      const named = context('named@example.com');
      assert.ok(await getApplication(ids.design!, named));
      assert.equal(await getApplication(ids.backend!, named), null);
      const nobody = context('nobody@example.com');
      assert.deepEqual((await listApplications({}, undefined, nobody)).rows, []);
      assert.equal((await countByStatus({}, nobody)).counts.new, 0);
    });

    it('owners and recruiters see every posting; only owners read the audit log and manage accounts', async () => {
      for (const email of ['owner@example.com', 'recruiter@example.com']) {
        const ctx = context(email);
        assert.equal((await listApplications({}, undefined, ctx)).rows.length, 3);
        assert.ok(await getApplication(ids.design!, ctx));
      }
      const recruiter = context('recruiter@example.com');
      await assert.rejects(listAudit(undefined, recruiter), RoleRequiredError);
      await assert.rejects(inviteMember('x@example.com', 'reviewer', recruiter), RoleRequiredError);
      await assert.rejects(changeRole(ids.nobody!, 'owner', recruiter), RoleRequiredError);
      await assert.rejects(setDisabled(ids.owner!, true, recruiter), RoleRequiredError);
      const { db, t } = database;
      const [owner] = await db.select().from(t.adminUsers).where(eq(t.adminUsers.id, ids.owner!));
      assert.equal(owner!.disabledAt, null);
      assert.ok((await listAudit(undefined, context('owner@example.com'))).entries.length > 0);
    });

    it('an invitation is a one-time link by email that expires; the colleague sets their password', async () => {
      const owner = context('owner@example.com');
      const { path } = await inviteMember('new.colleague@example.com', 'reviewer', owner);
      const token = path.split('/').at(-1)!;
      const { db, t } = database;
      const [queued] = await db
        .select()
        .from(t.outbox)
        .where(and(eq(t.outbox.kind, 'invitation'), eq(t.outbox.toAddress, 'new.colleague@example.com')));
      assert.equal((queued!.data as { path: string }).path, path);
      const [stored] = await db.select().from(t.adminInvitations);
      assert.notEqual(stored!.tokenHash, token, 'only the hash is kept');

      assert.deepEqual(await findInvitation(database, token), {
        invitation: { email: 'new.colleague@example.com', role: 'reviewer' },
      });
      const weak = await acceptInvitation(database, token, 'short');
      assert.equal('problem' in weak && weak.problem, 'password');
      assert.deepEqual(await acceptInvitation(database, token, PASSWORD), { email: 'new.colleague@example.com' });
      assert.deepEqual(await acceptInvitation(database, token, PASSWORD), { problem: 'used' });
      const signedIn = await signIn(
        { email: 'new.colleague@example.com', password: PASSWORD, address: '10.0.0.9' },
        database,
      );
      assert.equal(signedIn.status, 'ok');
      const [user] = await db.select().from(t.adminUsers).where(eq(t.adminUsers.email, 'new.colleague@example.com'));
      assert.equal(user!.role, 'reviewer');

      const later = await inviteMember('late@example.com', 'recruiter', owner);
      const eightDays = Date.now() + 8 * 86_400_000;
      assert.deepEqual(await acceptInvitation(database, later.path.split('/').at(-1)!, PASSWORD, eightDays), {
        problem: 'expired',
      });
      assert.deepEqual(await findInvitation(database, 'x'.repeat(43)), { problem: 'unknown' });
      assert.deepEqual(await findInvitation(database, '../../etc'), { problem: 'unknown' });
      await assert.rejects(inviteMember('recruiter@example.com', 'owner', owner), TeamError);
    });

    it('the last active owner can be neither demoted nor disabled; disabling ends sessions', async () => {
      const owner = context('owner@example.com');
      await assert.rejects(changeRole(ids.owner!, 'recruiter', owner), /at least one active owner/);
      await assert.rejects(setDisabled(ids.owner!, true, owner), /at least one active owner/);
      await changeRole(ids.recruiter!, 'owner', owner);
      await changeRole(ids.recruiter!, 'recruiter', owner);
      await setDisabled(ids.nobody!, true, owner);
      await assert.rejects(listApplications({}, undefined, context('nobody@example.com')), NotSignedInError);
      await setDisabled(ids.nobody!, false, owner);
      const { db, t } = database;
      const [user] = await db.select().from(t.adminUsers).where(eq(t.adminUsers.id, ids.nobody!));
      assert.equal(user!.disabledAt, null);
    });

    it('an application goes to someone who can open it, who is told by email unless they took it themselves', async () => {
      const recruiter = context('recruiter@example.com');
      const assignable = (await listAssignable(ids.backend!, recruiter)).map((u) => u.email);
      assert.ok(assignable.includes('backend-reviewer@example.com'));
      assert.ok(!assignable.includes('named@example.com'));
      assert.deepEqual(await assignApplications([ids.backend!], ids.named!, recruiter), { assigned: 0, refused: 1 });
      assert.deepEqual(await assignApplications([ids.backend!, ids.backend2!], ids.backendReviewer!, recruiter), {
        assigned: 2,
        refused: 0,
      });
      const { db, t } = database;
      const notices = await db
        .select()
        .from(t.outbox)
        .where(and(eq(t.outbox.kind, 'assignment'), eq(t.outbox.toAddress, 'backend-reviewer@example.com')));
      assert.equal(notices.length, 2);
      const mine = await listApplications({ assigned: 'me' }, undefined, context('backend-reviewer@example.com'));
      assert.equal(mine.rows.length, 2);
      await assignApplications([ids.backend!], ids.recruiter!, recruiter);
      const toSelf = await db.select().from(t.outbox).where(eq(t.outbox.toAddress, 'recruiter@example.com'));
      assert.equal(toSelf.length, 0);
      assert.equal((await listApplications({ assigned: 'me' }, undefined, recruiter)).rows.length, 1);
    });

    it('an invitation speaks for its sender: demoted or disabled, their unused invitations are withdrawn', async () => {
      const owner = context('owner@example.com');
      const deputy = await account('deputy@example.com', 'owner');
      const fromDeputy = context('deputy@example.com');
      const toOwner = await inviteMember('would-be-owner@example.com', 'owner', fromDeputy);
      const toReviewer = await inviteMember('would-be-reviewer@example.com', 'reviewer', fromDeputy);
      assert.deepEqual(await changeRole(deputy, 'recruiter', owner), { revoked: 2 });
      for (const { path } of [toOwner, toReviewer])
        assert.deepEqual(await findInvitation(database, path.split('/').at(-1)!), { problem: 'unknown' });
      // Owner again, then disabled: what they sent in between goes too.
      await changeRole(deputy, 'owner', owner);
      const again = await inviteMember('another@example.com', 'owner', context('deputy@example.com'));
      assert.deepEqual(await setDisabled(deputy, true, owner), { revoked: 1 });
      assert.deepEqual(await acceptInvitation(database, again.path.split('/').at(-1)!, PASSWORD), {
        problem: 'unknown',
      });
    });

    it('an invitation grants at most what its sender holds when it is used', async () => {
      const owner = context('owner@example.com');
      const lead = await account('lead@example.com', 'owner');
      const invitation = await inviteMember('lead-hire@example.com', 'owner', context('lead@example.com'));
      // Demoted without the revocation (as if by an older release, or by hand in the database).
      const { db, t } = database;
      await db.update(t.adminUsers).set({ role: 'recruiter' }).where(eq(t.adminUsers.id, lead));
      assert.deepEqual(await acceptInvitation(database, invitation.path.split('/').at(-1)!, PASSWORD), {
        email: 'lead-hire@example.com',
      });
      const [user] = await db.select().from(t.adminUsers).where(eq(t.adminUsers.email, 'lead-hire@example.com'));
      assert.equal(user!.role, 'recruiter');
      assert.ok(owner);
    });

    it('a reviewer’s "assign the chosen to" lists only who can open their postings’ applications', async () => {
      const everyone = (await listActiveMembers(context('owner@example.com'))).map((u) => u.email);
      assert.ok(everyone.includes('nobody@example.com'));
      const offered = (await listActiveMembers(context('backend-reviewer@example.com'))).map((u) => u.email);
      assert.ok(offered.includes('backend-reviewer@example.com') && offered.includes('owner@example.com'));
      assert.ok(!offered.includes('nobody@example.com'), 'a reviewer on no shared posting is not offered');
      assert.ok(!offered.includes('named@example.com'), 'the design posting’s reviewer is not offered');
    });
  });
}
