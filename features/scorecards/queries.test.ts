import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { eraseApplication } from '@/features/application/erase';
import { openExport } from '@/features/inbox/export';
import { setPostingMembers } from '@/features/team/posting-teams';
import type { AuditAction } from '@/lib/audit-actions';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import { DEFAULT_SCORECARD, type ScorecardAttribute } from '@/lib/scorecard';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, teamOf } from '@/test-support/factories';
import { getScorecards, listScorecardSummaries, submitScorecard } from './queries';

// The design posting's own `scorecard:` front matter; the backend posting has none, so the default set.
const DESIGN_CARD: ScorecardAttribute[] = [
  { name: 'Portfolio', hint: 'Work that shows how they think.' },
  { name: 'Craft', hint: 'Detail, accessibility, systems.' },
];
const scorecards = async (slug: string) => (slug === 'design' ? DESIGN_CARD : DEFAULT_SCORECARD);

/** A card rating every default attribute `rating`, as the form posts it. */
const card = (rating: string, overall = rating, note = '') => ({
  ratings: Object.fromEntries(DEFAULT_SCORECARD.map((a) => [a.name, rating])),
  overall,
  note,
});

for (const dialect of testDialects()) {
  let database: Database;
  const ids: Record<string, number> = {};
  const { account, context } = teamOf(() => database, {
    postingTeams: async () => new Map(),
    postingScorecard: scorecards,
  });

  const apply = (postingSlug: string, i: number) =>
    applyTo({
      database,
      postingSlug,
      postingTitle: postingSlug,
      fullName: `Person ${postingSlug} ${i}`,
      email: `${postingSlug}${i}@example.com`,
    });

  const stored = async (applicationId: number) => {
    const { db, t } = database;
    return db
      .select({ authorId: t.scorecards.authorId, overall: t.scorecards.overall, note: t.scorecards.note })
      .from(t.scorecards)
      .where(eq(t.scorecards.applicationId, applicationId))
      .orderBy(t.scorecards.id);
  };

  const audited = async (action: AuditAction, actor: string) => {
    const { db, t } = database;
    return db
      .select({ applicationId: t.auditLog.applicationId, detail: t.auditLog.detail })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, action), eq(t.auditLog.actorEmail, actor)))
      .orderBy(t.auditLog.id);
  };

  describe(`scorecards on ${dialect}`, () => {
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
      ids.owner = await account('owner@example.com', 'owner');
      ids.recruiter = await account('recruiter@example.com', 'recruiter');
      ids.a = await account('a@example.com', 'reviewer');
      ids.b = await account('b@example.com', 'reviewer');
      ids.designer = await account('designer@example.com', 'reviewer');
      ids.backend = await apply('backend', 1);
      ids.backend2 = await apply('backend', 2);
      ids.design = await apply('design', 1);
      await setPostingMembers({ slug: 'backend', userIds: [ids.a!, ids.b!], context: context('owner@example.com') });
      await setPostingMembers({ slug: 'design', userIds: [ids.designer!], context: context('owner@example.com') });
    });

    it('a member submits a card, then updates it: one card each, each submission audited', async () => {
      const a = context('a@example.com');
      assert.deepEqual(await submitScorecard({ id: ids.backend2!, values: card('3', '3', '  Solid.  '), context: a }), {
        status: 'saved',
        created: true,
      });
      assert.deepEqual(await submitScorecard({ id: ids.backend2!, values: card('4', 'none'), context: a }), {
        status: 'saved',
        created: false,
      });
      assert.deepEqual(await stored(ids.backend2!), [{ authorId: ids.a, overall: null, note: null }]);
      const view = await getScorecards({ id: ids.backend2!, context: a });
      assert.deepEqual(
        view!.mine!.ratings,
        DEFAULT_SCORECARD.map((attribute) => ({ attribute: attribute.name, rating: 4 })),
      );
      assert.deepEqual(
        (await audited('scorecard_submitted', 'a@example.com')).map((row) => row.detail),
        ['first', 'updated'],
      );
    });

    it('every attribute must be rated; bad values are refused with the reason; nothing is stored', async () => {
      const b = context('b@example.com');
      const { Communication: _, ...withoutOne } = card('3').ratings;
      assert.deepEqual(
        await submitScorecard({ id: ids.backend2!, values: { ...card('3'), ratings: withoutOne }, context: b }),
        {
          status: 'invalid',
          errors: { 'rating:Communication': 'Rate Communication' },
        },
      );
      const bad = await submitScorecard({
        id: ids.backend2!,
        values: {
          ratings: { ...card('3').ratings, Experience: '5', Portfolio: '4' },
          overall: 'maybe',
          note: 'x'.repeat(NOTE_MAX_CHARS + 1),
        },
        context: b,
      });
      assert.equal(bad.status, 'invalid');
      const errors = (bad as { errors: Record<string, string> }).errors;
      assert.equal(errors['rating:Experience'], 'Rate Experience as Strong no, No, Yes or Strong yes');
      assert.match(errors.ratings!, /Portfolio is no longer on it/);
      assert.match(errors.overall!, /Choose an overall recommendation: Strong no, No, Yes, Strong yes or No decision/);
      assert.match(errors.note!, /Keep the note to 5,000 characters/);
      assert.deepEqual(
        await submitScorecard({ id: ids.backend2!, values: { ratings: card('3').ratings }, context: b }),
        {
          status: 'invalid',
          errors: { overall: 'Choose an overall recommendation, or No decision' },
        },
      );
      assert.equal((await stored(ids.backend2!)).length, 1, 'only a’s card from before');
      assert.deepEqual(await audited('scorecard_submitted', 'b@example.com'), []);
    });

    it('a card is rated on its posting’s own attributes, checked by the server', async () => {
      const designer = context('designer@example.com');
      const wrong = await submitScorecard({ id: ids.design!, values: card('3'), context: designer });
      assert.equal(wrong.status, 'invalid');
      assert.equal((wrong as { errors: Record<string, string> }).errors['rating:Portfolio'], 'Rate Portfolio');
      const right = { ratings: { Portfolio: '4', Craft: '2' }, overall: '3', note: '' };
      assert.equal((await submitScorecard({ id: ids.design!, values: right, context: designer })).status, 'saved');
      assert.deepEqual((await getScorecards({ id: ids.design!, context: designer }))!.attributes, DESIGN_CARD);
    });

    it('blind until submitted: a member sees only the count before, everyone after; owners see all', async () => {
      const id = ids.backend!;
      const [owner, recruiter, a, b] = ['owner', 'recruiter', 'a', 'b'].map((who) => context(`${who}@example.com`));
      assert.equal(
        (await submitScorecard({ id, values: card('4', '4', 'Strong on systems'), context: b })).status,
        'saved',
      );

      const before = await getScorecards({ id, context: a });
      assert.deepEqual(
        { mine: before!.mine, others: before!.others, othersSubmitted: before!.othersSubmitted },
        { mine: null, others: null, othersSubmitted: 1 },
      );
      assert.equal((await getScorecards({ id, context: recruiter }))!.others, null, 'recruiters rate blind too');
      const seenByOwner = await getScorecards({ id, context: owner });
      assert.deepEqual(
        seenByOwner!.others!.map((c) => [c.author, c.overall, c.note]),
        [['b@example.com', 4, 'Strong on systems']],
      );

      assert.equal((await submitScorecard({ id, values: card('2', '1'), context: a })).status, 'saved');
      const afterwards = await getScorecards({ id, context: a });
      assert.equal(afterwards!.mine!.overall, 1);
      assert.deepEqual(
        afterwards!.others!.map((c) => [c.author, c.overall, c.ratings[0]!.rating]),
        [['b@example.com', 4, 4]],
      );
      assert.deepEqual(
        (await getScorecards({ id, context: b }))!.others!.map((c) => c.author),
        ['a@example.com'],
      );
    });

    it('a reviewer of another posting can neither rate nor read: nothing stored, each try audited', async () => {
      const designer = context('designer@example.com');
      const before = await stored(ids.backend!);
      assert.equal(await getScorecards({ id: ids.backend!, context: designer }), null);
      assert.deepEqual(await submitScorecard({ id: ids.backend!, values: card('4'), context: designer }), {
        status: 'not-found',
      });
      assert.deepEqual(await stored(ids.backend!), before);
      assert.equal((await listScorecardSummaries({ ids: [ids.backend!], context: designer })).size, 0);
      assert.deepEqual(await audited('access_denied', 'designer@example.com'), [
        { applicationId: ids.backend, detail: 'read the scorecards' },
        { applicationId: ids.backend, detail: 'submit a scorecard' },
      ]);
      assert.deepEqual(await submitScorecard({ id: 999_999, values: card('4'), context: designer }), {
        status: 'not-found',
      });
    });

    it('the inbox and the export show the count, and the mean overall only to who may see it', async () => {
      // backend: b 4, a 1 → mean 2.5. backend2: a only, no decision → no mean. design: designer 3.
      const owner = context('owner@example.com');
      const all = [ids.backend!, ids.backend2!, ids.design!];
      const byOwner = await listScorecardSummaries({ ids: all, context: owner });
      assert.deepEqual(byOwner.get(ids.backend!), { count: 2, mean: 2.5, blind: false });
      assert.deepEqual(byOwner.get(ids.backend2!), { count: 1, mean: null, blind: false });
      assert.deepEqual(byOwner.get(ids.design!), { count: 1, mean: 3, blind: false });

      const b = context('b@example.com');
      const byB = await listScorecardSummaries({ ids: all, context: b });
      assert.deepEqual(byB.get(ids.backend!), { count: 2, mean: 2.5, blind: false });
      assert.deepEqual(byB.get(ids.backend2!), { count: 1, mean: null, blind: true }, 'b has not rated backend2');
      assert.equal(byB.has(ids.design!), false, 'not b’s posting');

      const recruiterExport = await openExport({ filter: {}, context: context('recruiter@example.com') });
      const rows = await recruiterExport();
      const cells = Object.fromEntries(rows.map((row) => [row.fullName, [row.scorecards, row.meanOverall]]));
      assert.deepEqual(cells, {
        'Person design 1': ['1', null],
        'Person backend 2': ['1', null],
        'Person backend 1': ['2', null],
      });
      const ownerRows = await (await openExport({ filter: {}, context: owner }))();
      assert.deepEqual(
        ownerRows.map((row) => [row.fullName, row.scorecards, row.meanOverall]),
        [
          ['Person design 1', '1', '3.0'],
          ['Person backend 2', '1', null],
          ['Person backend 1', '2', '2.5'],
        ],
      );
    });

    it('an erased application’s cards go with it, and it takes no more', async () => {
      const owner = context('owner@example.com');
      assert.equal(
        (
          await submitScorecard({
            id: ids.design!,
            values: { ratings: { Portfolio: '1', Craft: '1' }, overall: '1' },
            context: owner,
          })
        ).status,
        'saved',
      );
      assert.equal(await eraseApplication({ id: ids.design!, context: owner }), 'erased');
      assert.deepEqual(await stored(ids.design!), []);
      assert.deepEqual(
        await submitScorecard({
          id: ids.design!,
          values: { ratings: { Portfolio: '1', Craft: '1' }, overall: '1' },
          context: owner,
        }),
        { status: 'erased' },
      );
      const view = await getScorecards({ id: ids.design!, context: owner });
      assert.deepEqual(
        { canRate: view!.canRate, others: view!.others, mine: view!.mine },
        {
          canRate: false,
          others: [],
          mine: null,
        },
      );
      assert.equal((await listScorecardSummaries({ ids: [ids.design!], context: owner })).size, 0);
    });
  });
}
