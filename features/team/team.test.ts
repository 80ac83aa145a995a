import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { listApplicationMail } from '@/features/application/emails';
import { eraseApplication } from '@/features/application/erase';
import { getAppliedVersion } from '@/features/application/posting-versions';
import { addNote, getApplication, getResumeFile } from '@/features/application/queries';
import { changeStatus, changeStatuses, listSelection } from '@/features/application/status-changes';
import { listAudit } from '@/features/audit/queries';
import { pipelineReport } from '@/features/dashboard/pipeline';
import { listSources } from '@/features/dashboard/sources';
import { openExport } from '@/features/inbox/export';
import { countByStatus, getNeighbours, listApplications, listPostingsWithApplications } from '@/features/inbox/queries';
import { RoleRequiredError } from '@/features/staff/access';
import { signIn } from '@/features/staff/auth';
import { NotSignedInError } from '@/features/staff/context';
import { changeRole, setDisabled } from '@/features/team/accounts';
import { assignApplications, listActiveMembers, listAssignable } from '@/features/team/assignment';
import { acceptInvitation, findInvitation, inviteMember } from '@/features/team/invitations';
import { setPostingMembers } from '@/features/team/posting-teams';
import { TeamError } from '@/features/team/team-error';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, PASSWORD, teamOf } from '@/test-support/factories';

// The posting teams named in front matter, as the content would give them.
const FRONT_MATTER_TEAMS = new Map([['design', ['named@example.com']]]);

for (const dialect of testDialects()) {
  let database: Database;
  const ids: Record<string, number> = {};
  const { account, context } = teamOf(() => database, { postingTeams: async () => FRONT_MATTER_TEAMS });

  const apply = (postingSlug: string, i: number, source?: string) =>
    applyTo({
      database,
      source,
      postingSlug,
      postingTitle: postingSlug === 'backend' ? 'Backend Engineer' : 'Designer',
      fullName: `Person ${postingSlug} ${i}`,
      email: `${postingSlug}${i}@example.com`,
    });

  const denials = async (actor: string) => {
    const { db, t } = database;
    return db
      .select({ applicationId: t.auditLog.applicationId, detail: t.auditLog.detail })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, 'access_denied'), eq(t.auditLog.actorEmail, actor)));
  };

  describe(`roles and the team on ${dialect}`, () => {
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
      ids.owner = await account('owner@example.com', 'owner');
      ids.recruiter = await account('recruiter@example.com', 'recruiter');
      ids.backendReviewer = await account('backend-reviewer@example.com', 'reviewer');
      ids.named = await account('named@example.com', 'reviewer');
      ids.nobody = await account('nobody@example.com', 'reviewer');
      ids.backend = await apply('backend', 1, 'linkedin');
      ids.backend2 = await apply('backend', 2);
      ids.design = await apply('design', 1, 'design-secret');
      await setPostingMembers({
        slug: 'backend',
        userIds: [ids.backendReviewer!],
        context: context('owner@example.com'),
      });
    });

    it('a reviewer of another posting is refused every read and write of it, nothing changes, each try audited', async () => {
      const ctx = context('backend-reviewer@example.com');
      const design = ids.design!;
      assert.equal(await getApplication({ id: design, context: ctx }), null);
      assert.equal(await getResumeFile({ id: design, disposition: 'attachment', context: ctx }), null);
      assert.equal(await changeStatus({ id: design, to: 'hired', context: ctx }), 'not-found');
      assert.equal(await addNote({ id: design, body: 'sneaky', context: ctx }), false);
      assert.deepEqual(await listApplicationMail({ id: design, context: ctx }), []);
      assert.deepEqual(await listAssignable({ id: design, context: ctx }), []);
      assert.deepEqual(await assignApplications({ ids: [design], assigneeId: ids.backendReviewer!, context: ctx }), {
        assigned: 0,
        refused: 1,
      });
      await assert.rejects(eraseApplication({ id: design, context: ctx }), RoleRequiredError);
      await assert.rejects(listAudit({ context: ctx }), RoleRequiredError);
      assert.equal(await getAppliedVersion({ applicationId: design, context: ctx }), null);
      // Sources of their posting only: the other posting's source is not even named.
      const report = await pipelineReport({ query: { days: 30 }, context: ctx });
      assert.deepEqual(report.sources, [
        { source: 'linkedin', applications: 1, hires: 0 },
        { source: null, applications: 1, hires: 0 },
      ]);
      assert.deepEqual(await listSources(ctx), ['linkedin']);
      assert.deepEqual((await listSources(context('owner@example.com'))).sort(), ['design-secret', 'linkedin']);

      const listed = await listApplications({ filter: {}, context: ctx });
      assert.deepEqual(listed.rows.map((row) => row.postingSlug).sort(), ['backend', 'backend']);
      assert.deepEqual((await listApplications({ filter: { posting: 'design' }, context: ctx })).rows, []);
      assert.equal((await countByStatus({ filter: {}, context: ctx })).counts.new, 2);
      assert.equal((await countByStatus({ filter: { q: 'Person' }, context: ctx })).counts.new, 2);
      assert.equal(report.funnel[0]!.reached, 2);
      assert.deepEqual(
        (await listPostingsWithApplications(ctx)).map((p) => p.slug),
        ['backend'],
      );
      assert.deepEqual(
        report.perPosting.map((p) => p.slug),
        ['backend'],
      );
      assert.equal(report.perDay.at(-1)!.count, 2);
      const nextBatch = await openExport({ filter: {}, context: ctx });
      assert.deepEqual(
        (await nextBatch()).map((row) => row.postingSlug),
        ['backend', 'backend'],
      );
      const neighbours = await getNeighbours({ id: ids.backend!, filter: {}, context: ctx });
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
      assert.ok(await getApplication({ id: ids.backend!, context: onBackend }));
      assert.equal(await changeStatus({ id: ids.backend!, to: 'reviewing', context: onBackend }), 'changed');
      const named = context('named@example.com');
      assert.ok(await getApplication({ id: ids.design!, context: named }));
      assert.equal(await getApplication({ id: ids.backend!, context: named }), null);
      const nobody = context('nobody@example.com');
      assert.deepEqual((await listApplications({ filter: {}, context: nobody })).rows, []);
      assert.equal((await countByStatus({ filter: {}, context: nobody })).counts.new, 0);
    });

    it('owners and recruiters see every posting; only owners read the audit log and manage accounts', async () => {
      for (const email of ['owner@example.com', 'recruiter@example.com']) {
        const ctx = context(email);
        assert.equal((await listApplications({ filter: {}, context: ctx })).rows.length, 3);
        assert.ok(await getApplication({ id: ids.design!, context: ctx }));
      }
      const recruiter = context('recruiter@example.com');
      await assert.rejects(listAudit({ context: recruiter }), RoleRequiredError);
      await assert.rejects(
        inviteMember({ email: 'x@example.com', role: 'reviewer', context: recruiter }),
        RoleRequiredError,
      );
      await assert.rejects(changeRole({ userId: ids.nobody!, role: 'owner', context: recruiter }), RoleRequiredError);
      await assert.rejects(setDisabled({ userId: ids.owner!, disabled: true, context: recruiter }), RoleRequiredError);
      const { db, t } = database;
      const [owner] = await db.select().from(t.adminUsers).where(eq(t.adminUsers.id, ids.owner!));
      assert.equal(owner!.disabledAt, null);
      assert.ok((await listAudit({ context: context('owner@example.com') })).entries.length > 0);
    });

    it('an invitation is a one-time link by email that expires; the colleague sets their password', async () => {
      const owner = context('owner@example.com');
      const { path } = await inviteMember({ email: 'new.colleague@example.com', role: 'reviewer', context: owner });
      const token = path.split('/').at(-1)!;
      const { db, t } = database;
      const [queued] = await db
        .select()
        .from(t.outbox)
        .where(and(eq(t.outbox.kind, 'invitation'), eq(t.outbox.toAddress, 'new.colleague@example.com')));
      assert.equal((queued!.data as { path: string }).path, path);
      const [stored] = await db.select().from(t.adminInvitations);
      assert.notEqual(stored!.tokenHash, token, 'only the hash is kept');

      assert.deepEqual(await findInvitation({ database, token }), {
        invitation: { email: 'new.colleague@example.com', role: 'reviewer' },
      });
      const weak = await acceptInvitation({ database, token, password: 'short' });
      assert.equal('problem' in weak && weak.problem, 'password');
      assert.deepEqual(await acceptInvitation({ database, token, password: PASSWORD }), {
        email: 'new.colleague@example.com',
      });
      assert.deepEqual(await acceptInvitation({ database, token, password: PASSWORD }), { problem: 'used' });
      const signedIn = await signIn({
        input: { email: 'new.colleague@example.com', password: PASSWORD, address: '10.0.0.9' },
        database,
      });
      assert.equal(signedIn.status, 'ok');
      const [user] = await db.select().from(t.adminUsers).where(eq(t.adminUsers.email, 'new.colleague@example.com'));
      assert.equal(user!.role, 'reviewer');

      const later = await inviteMember({ email: 'late@example.com', role: 'recruiter', context: owner });
      const eightDays = Date.now() + 8 * 86_400_000;
      assert.deepEqual(
        await acceptInvitation({ database, token: later.path.split('/').at(-1)!, password: PASSWORD, now: eightDays }),
        {
          problem: 'expired',
        },
      );
      assert.deepEqual(await findInvitation({ database, token: 'x'.repeat(43) }), { problem: 'unknown' });
      assert.deepEqual(await findInvitation({ database, token: '../../etc' }), { problem: 'unknown' });
      await assert.rejects(inviteMember({ email: 'recruiter@example.com', role: 'owner', context: owner }), TeamError);
    });

    it('the last active owner can be neither demoted nor disabled; disabling ends sessions', async () => {
      const owner = context('owner@example.com');
      await assert.rejects(
        changeRole({ userId: ids.owner!, role: 'recruiter', context: owner }),
        /at least one active owner/,
      );
      await assert.rejects(
        setDisabled({ userId: ids.owner!, disabled: true, context: owner }),
        /at least one active owner/,
      );
      await changeRole({ userId: ids.recruiter!, role: 'owner', context: owner });
      await changeRole({ userId: ids.recruiter!, role: 'recruiter', context: owner });
      await setDisabled({ userId: ids.nobody!, disabled: true, context: owner });
      await assert.rejects(listApplications({ filter: {}, context: context('nobody@example.com') }), NotSignedInError);
      await setDisabled({ userId: ids.nobody!, disabled: false, context: owner });
      const { db, t } = database;
      const [user] = await db.select().from(t.adminUsers).where(eq(t.adminUsers.id, ids.nobody!));
      assert.equal(user!.disabledAt, null);
    });

    it('an application goes to someone who can open it, who is told by email unless they took it themselves', async () => {
      const recruiter = context('recruiter@example.com');
      const assignable = (await listAssignable({ id: ids.backend!, context: recruiter })).map((u) => u.email);
      assert.ok(assignable.includes('backend-reviewer@example.com'));
      assert.ok(!assignable.includes('named@example.com'));
      assert.deepEqual(await assignApplications({ ids: [ids.backend!], assigneeId: ids.named!, context: recruiter }), {
        assigned: 0,
        refused: 1,
      });
      assert.deepEqual(
        await assignApplications({
          ids: [ids.backend!, ids.backend2!],
          assigneeId: ids.backendReviewer!,
          context: recruiter,
        }),
        {
          assigned: 2,
          refused: 0,
        },
      );
      const { db, t } = database;
      const notices = await db
        .select()
        .from(t.outbox)
        .where(and(eq(t.outbox.kind, 'assignment'), eq(t.outbox.toAddress, 'backend-reviewer@example.com')));
      assert.equal(notices.length, 2);
      const mine = await listApplications({
        filter: { assigned: 'me' },
        context: context('backend-reviewer@example.com'),
      });
      assert.equal(mine.rows.length, 2);
      await assignApplications({ ids: [ids.backend!], assigneeId: ids.recruiter!, context: recruiter });
      const toSelf = await db.select().from(t.outbox).where(eq(t.outbox.toAddress, 'recruiter@example.com'));
      assert.equal(toSelf.length, 0);
      assert.equal((await listApplications({ filter: { assigned: 'me' }, context: recruiter })).rows.length, 1);
    });

    it('an invitation speaks for its sender: demoted or disabled, their unused invitations are withdrawn', async () => {
      const owner = context('owner@example.com');
      const deputy = await account('deputy@example.com', 'owner');
      const fromDeputy = context('deputy@example.com');
      const toOwner = await inviteMember({ email: 'would-be-owner@example.com', role: 'owner', context: fromDeputy });
      const toReviewer = await inviteMember({
        email: 'would-be-reviewer@example.com',
        role: 'reviewer',
        context: fromDeputy,
      });
      assert.deepEqual(await changeRole({ userId: deputy, role: 'recruiter', context: owner }), { revoked: 2 });
      for (const { path } of [toOwner, toReviewer])
        assert.deepEqual(await findInvitation({ database, token: path.split('/').at(-1)! }), { problem: 'unknown' });
      // Owner again, then disabled: what they sent in between goes too.
      await changeRole({ userId: deputy, role: 'owner', context: owner });
      const again = await inviteMember({
        email: 'another@example.com',
        role: 'owner',
        context: context('deputy@example.com'),
      });
      assert.deepEqual(await setDisabled({ userId: deputy, disabled: true, context: owner }), { revoked: 1 });
      assert.deepEqual(await acceptInvitation({ database, token: again.path.split('/').at(-1)!, password: PASSWORD }), {
        problem: 'unknown',
      });
    });

    it('an invitation grants at most what its sender holds when it is used', async () => {
      const owner = context('owner@example.com');
      const lead = await account('lead@example.com', 'owner');
      const invitation = await inviteMember({
        email: 'lead-hire@example.com',
        role: 'owner',
        context: context('lead@example.com'),
      });
      // Demoted without the revocation (as if by an older release, or by hand in the database).
      const { db, t } = database;
      await db.update(t.adminUsers).set({ role: 'recruiter' }).where(eq(t.adminUsers.id, lead));
      assert.deepEqual(
        await acceptInvitation({ database, token: invitation.path.split('/').at(-1)!, password: PASSWORD }),
        {
          email: 'lead-hire@example.com',
        },
      );
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

    it("a bulk status change with an email is one call: the viewer's applications move, each email names its candidate, the rest is refused", async () => {
      const ctx = context('backend-reviewer@example.com');
      const mine = [await apply('backend', 7), await apply('backend', 8)];
      const other = await apply('design', 7);
      // The email page lists only what the reviewer may open, and audits the rest as a read.
      const listed = await listSelection({ ids: [other, ...mine], context: ctx });
      assert.deepEqual(
        listed.map((row) => [row.id, row.fullName, row.status]),
        mine.map((id, i) => [id, `Person backend ${7 + i}`, 'new']),
      );
      assert.ok(
        (await denials('backend-reviewer@example.com')).some(
          (r) => r.applicationId === other && r.detail === 'open the application',
        ),
      );
      const result = await changeStatuses({
        ids: [...mine, other, mine[0]!, 999_999],
        to: 'interview',
        message: 'Dear {name}, let us meet.',
        context: ctx,
      });
      assert.deepEqual(result, { changed: 2 });
      const { db, t } = database;
      const statuses = await db
        .select({ id: t.applications.id, status: t.applications.status })
        .from(t.applications)
        .where(inArray(t.applications.id, [...mine, other]));
      assert.deepEqual(
        statuses.sort((a, b) => a.id - b.id).map((row) => row.status),
        ['interview', 'interview', 'new'],
      );
      const sent = await db
        .select({ applicationId: t.outbox.applicationId, data: t.outbox.data })
        .from(t.outbox)
        .where(and(eq(t.outbox.kind, 'status_update'), inArray(t.outbox.applicationId, [...mine, other])));
      assert.deepEqual(
        sent.sort((a, b) => a.applicationId! - b.applicationId!).map((row) => row.data?.message),
        ['Dear Person backend 7, let us meet.', 'Dear Person backend 8, let us meet.'],
      );
      assert.ok(
        (await denials('backend-reviewer@example.com')).some(
          (r) => r.applicationId === other && r.detail === 'move to interview',
        ),
      );
      // Again: nothing moves twice, nothing is sent twice.
      assert.deepEqual(await changeStatuses({ ids: mine, to: 'interview', message: 'Again', context: ctx }), {
        changed: 0,
      });
    });
  });
}
