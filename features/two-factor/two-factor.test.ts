import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { RoleRequiredError } from '@/features/staff/access';
import { CHALLENGE_MS, signIn } from '@/features/staff/auth';
import { NotSignedInError, resolveSession, SecondFactorRequiredError } from '@/features/staff/context';
import { changePassword } from '@/features/staff/passwords';
import { listOwnSessions } from '@/features/staff/sessions';
import { CODE_POLICY, PAIR_POLICY } from '@/features/staff/throttle';
import type { AuditAction } from '@/lib/audit-actions';
import { open, seal } from '@/lib/security/secret-box';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { PASSWORD, signedContext, teamAccount } from '@/test-support/factories';
import { auditsOf, mailsTo } from '@/test-support/records';
import { confirmAppSetup, remakeRecoveryCodes, removeApp, SETUP_MS, startAppSetup, twoFactorStatus } from './app';
import { completeChallenge, WRONG_CODES_NOTICE } from './challenge';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery';
import { removeMemberSecondFactor, setSecondFactorRequired } from './team';
import { matchTotp, totpCode } from './totp';

const NEW_PASSWORD = 'another long enough password';

describe('authenticator codes', () => {
  // RFC 6238, appendix B: the SHA-1 key "12345678901234567890" at 59 s gives 94287082 (its last six digits here).
  const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('match RFC 6238 and are taken one step either side of now, not two', () => {
    assert.equal(totpCode({ secret: RFC_SECRET, at: 59_000 }), '287082');
    const at = 1_800_000_000_000;
    const step = Math.floor(at / 30_000);
    assert.equal(matchTotp({ secret: RFC_SECRET, code: totpCode({ secret: RFC_SECRET, at }), at }), step);
    assert.equal(
      matchTotp({ secret: RFC_SECRET, code: totpCode({ secret: RFC_SECRET, at: at - 30_000 }), at }),
      step - 1,
    );
    assert.equal(
      matchTotp({ secret: RFC_SECRET, code: totpCode({ secret: RFC_SECRET, at: at + 30_000 }), at }),
      step + 1,
    );
    assert.equal(matchTotp({ secret: RFC_SECRET, code: totpCode({ secret: RFC_SECRET, at: at - 60_000 }), at }), null);
    const spaced = totpCode({ secret: RFC_SECRET, at }).replace(/(\d{3})/, '$1 ');
    assert.equal(matchTotp({ secret: RFC_SECRET, code: spaced, at }), step, 'the app shows `123 456`');
    assert.equal(matchTotp({ secret: RFC_SECRET, code: '12345', at }), null);
    assert.equal(matchTotp({ secret: RFC_SECRET, code: 'abcdef', at }), null);
  });

  it('keeps the secret sealed: a changed value or another purpose does not open', () => {
    const sealed = seal('totp-secret', 'JBSWY3DPEHPK3PXP');
    assert.notEqual(seal('totp-secret', 'JBSWY3DPEHPK3PXP'), sealed, 'a new IV each time');
    assert.equal(open('totp-secret', sealed), 'JBSWY3DPEHPK3PXP');
    assert.equal(open('another-purpose', sealed), null);
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    assert.equal(open('totp-secret', [v, iv, tag, flipped.toString('base64url')].join('.')), null);
    assert.equal(open('totp-secret', 'not sealed'), null);
  });

  it('makes ten different recovery codes, read back whatever the case and dashes', () => {
    const codes = newRecoveryCodes();
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const typed = codes[0]!.toUpperCase().replaceAll('-', ' ');
    assert.equal(hashRecoveryCode(normaliseRecoveryCode(typed)!), hashRecoveryCode(normaliseRecoveryCode(codes[0]!)!));
    assert.equal(normaliseRecoveryCode('short'), null);
  });
});

for (const dialect of testDialects()) {
  let database: Database;

  const audits = (actorEmail: string, action: AuditAction) => auditsOf(database, actorEmail, action);

  /** A member with an authenticator app on: the app's secret (as the phone holds it) and the recovery codes. */
  async function withApp(email: string, role: 'owner' | 'recruiter' | 'reviewer' = 'reviewer') {
    const member = await teamAccount({ database, email, role });
    await startAppSetup({ password: PASSWORD, address: '192.0.2.99', context: member.context });
    const status = await twoFactorStatus(member.context);
    const secret = status.setup!.secret.replaceAll(' ', '');
    const confirmed = await confirmAppSetup({ code: totpCode({ secret, at: Date.now() }), context: member.context });
    assert.ok('codes' in confirmed);
    return { ...member, secret, codes: confirmed.codes };
  }

  const passwordStep = async (email: string, address: string, now = Date.now) => {
    const result = await signIn({ input: { email, password: PASSWORD, address }, database, now });
    assert.equal(result.status, 'second-factor');
    return result.status === 'second-factor' ? result.token : '';
  };

  describe(`two-factor sign-in on ${dialect}`, () => {
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
    });

    it('turns an app on only with a right first code, and gives ten recovery codes kept as hashes', async () => {
      const member = await teamAccount({ database, email: 'setting-up@example.com', role: 'reviewer' });
      assert.equal((await twoFactorStatus(member.context)).setup, null);
      await startAppSetup({ password: PASSWORD, address: '192.0.2.99', context: member.context });
      const status = await twoFactorStatus(member.context);
      assert.match(status.setup!.qr, /^data:image\/svg\+xml;base64,/);
      const secret = status.setup!.secret.replaceAll(' ', '');
      const right = totpCode({ secret, at: Date.now() });
      const wrong = right === '000000' ? '111111' : '000000';
      assert.deepEqual(await confirmAppSetup({ code: wrong, context: member.context }), { problem: 'wrong' });
      assert.equal((await twoFactorStatus(member.context)).app, null);
      const confirmed = await confirmAppSetup({ code: right, context: member.context });
      assert.ok('codes' in confirmed && confirmed.codes.length === 10);
      const after = await twoFactorStatus(member.context);
      assert.ok(after.app && after.setup === null && after.recoveryLeft === 10);
      const { db, t } = database;
      const stored = await db.select().from(t.adminRecoveryCodes).where(eq(t.adminRecoveryCodes.userId, member.id));
      assert.deepEqual(
        stored.map((row) => row.codeHash).sort(),
        confirmed.codes.map((code) => hashRecoveryCode(normaliseRecoveryCode(code)!)).sort(),
      );
      const [user] = await db.select().from(t.adminUsers).where(eq(t.adminUsers.id, member.id));
      assert.ok(!user!.totpSecret!.includes(secret), 'the secret is stored sealed');
      assert.equal((await audits(member.email, 'second_factor_added')).length, 1);
      // The code that turned it on cannot sign anyone in afterwards.
      const token = await passwordStep(member.email, '192.0.2.30');
      const replay = await completeChallenge({ database, token, code: right, address: '192.0.2.30' });
      assert.equal(replay.status, 'wrong');
    });

    it('asks for a code after the password, takes each code once, and a recovery code once', async () => {
      const member = await withApp('two-step@example.com');
      let clock = Date.now() + 60_000;
      const now = () => clock;
      const token = await passwordStep(member.email, '192.0.2.31', now);
      const code = totpCode({ secret: member.secret, at: clock });
      const done = await completeChallenge({ database, token, code, address: '192.0.2.31', now });
      assert.equal(done.status, 'ok');
      assert.deepEqual(await completeChallenge({ database, token, code, address: '192.0.2.31', now }), {
        status: 'expired',
      });
      const again = await passwordStep(member.email, '192.0.2.31', now);
      assert.equal(
        (await completeChallenge({ database, token: again, code, address: '192.0.2.31', now })).status,
        'wrong',
      );
      clock += 30_000;
      const next = totpCode({ secret: member.secret, at: clock });
      assert.equal(
        (await completeChallenge({ database, token: again, code: next, address: '192.0.2.31', now })).status,
        'ok',
      );

      const withCode = await passwordStep(member.email, '192.0.2.31', now);
      const recovery = member.codes[3]!.toUpperCase();
      const recovered = await completeChallenge({
        database,
        token: withCode,
        code: recovery,
        address: '192.0.2.31',
        now,
      });
      assert.equal(recovered.status, 'ok');
      const reused = await passwordStep(member.email, '192.0.2.31', now);
      assert.equal(
        (await completeChallenge({ database, token: reused, code: member.codes[3]!, address: '192.0.2.31', now }))
          .status,
        'wrong',
      );
      assert.equal((await twoFactorStatus(member.context)).recoveryLeft, 9);
      const details = (await audits(member.email, 'sign_in')).map((a) => a.detail);
      assert.ok(details.includes('from 192.0.2.31 with a recovery code'));
      assert.ok(details.includes('from 192.0.2.31 with authenticator app'));

      const late = await passwordStep(member.email, '192.0.2.31', now);
      clock += CHALLENGE_MS;
      const code2 = totpCode({ secret: member.secret, at: clock });
      assert.equal(
        (await completeChallenge({ database, token: late, code: code2, address: '192.0.2.31', now })).status,
        'expired',
      );
    });

    it('throttles wrong codes like wrong passwords, and audits them', async () => {
      const member = await withApp('guessed-code@example.com');
      const token = await passwordStep(member.email, '192.0.2.32');
      for (let i = 0; i < PAIR_POLICY.free; i++)
        assert.equal(
          (await completeChallenge({ database, token, code: '000000', address: '192.0.2.32' })).status,
          'wrong',
        );
      const right = totpCode({ secret: member.secret, at: Date.now() });
      const refused = await completeChallenge({ database, token, code: right, address: '192.0.2.32' });
      assert.equal(refused.status, 'throttled');
      assert.equal((await audits(member.email, 'second_factor_failed')).length, PAIR_POLICY.free);
      // From elsewhere, with a right code: the session tells the member of the wrong codes since last time.
      const elsewhere = await passwordStep(member.email, '192.0.2.42');
      const next = totpCode({ secret: member.secret, at: Date.now() + 30_000 });
      const done = await completeChallenge({ database, token: elsewhere, code: next, address: '192.0.2.42' });
      assert.equal(done.status, 'ok');
      const viewer = await resolveSession({ database, token: done.status === 'ok' ? done.token : '', now: Date.now() });
      assert.equal(viewer?.failedAttempts, PAIR_POLICY.free);
    });

    it('counts wrong codes per account across addresses, and emails the member after three', async () => {
      const member = await withApp('spread-guesses@example.com');
      // A password holder moving from address to address: each right password opens a new challenge (and
      // forgets the pair's count), but the account's own count of wrong codes goes on.
      const wrongCodeMails = async () =>
        (await mailsTo(database, member.email, 'sign_in_changed')).filter((m) => m.change === 'wrong_codes').length;
      for (let i = 0; i < CODE_POLICY.free; i++) {
        const address = `198.51.100.${10 + i}`;
        const token = await passwordStep(member.email, address);
        const result = await completeChallenge({ database, token, code: '000000', address });
        assert.equal(result.status, 'wrong', `wrong code ${i + 1}`);
        assert.equal(await wrongCodeMails(), i + 1 >= WRONG_CODES_NOTICE ? 1 : 0, `emails after wrong code ${i + 1}`);
      }
      const last = await passwordStep(member.email, '198.51.100.99');
      const right = totpCode({ secret: member.secret, at: Date.now() });
      const refused = await completeChallenge({ database, token: last, code: right, address: '198.51.100.99' });
      assert.equal(refused.status, 'throttled', 'even a right code waits, from a new address');
      const changes = (await mailsTo(database, member.email, 'sign_in_changed')).map((m) => m.change);
      assert.deepEqual(
        changes.filter((c) => c === 'wrong_codes'),
        ['wrong_codes'],
        'one email, at the third wrong code',
      );
      assert.ok(changes.includes('app_added'), 'turning the app on was emailed too');
    });

    it('asks for the password before an app is set up', async () => {
      const member = await teamAccount({ database, email: 'setup-password@example.com', role: 'reviewer' });
      const address = '192.0.2.37';
      const wrong = await startAppSetup({ password: 'not it at all', address, context: member.context });
      assert.equal(wrong.status, 'wrong');
      assert.equal((await twoFactorStatus(member.context)).setup, null, 'no secret made');
      assert.equal((await audits(member.email, 'password_change_failed')).length, 1);
      assert.equal((await startAppSetup({ password: PASSWORD, address, context: member.context })).status, 'ok');
      const { setup } = await twoFactorStatus(member.context);
      assert.ok(setup);
      // Left unconfirmed, it lapses: a session left open later cannot finish it without the password.
      const later = signedContext(database, member.token, { now: () => Date.now() + SETUP_MS + 1000 });
      assert.equal((await twoFactorStatus(later)).setup, null);
      const code = totpCode({ secret: setup.secret.replaceAll(' ', ''), at: Date.now() + SETUP_MS + 1000 });
      assert.deepEqual(await confirmAppSetup({ code, context: later }), { problem: 'no-setup' });
    });

    it('needs the password to make new recovery codes or turn the app off', async () => {
      const member = await withApp('turning-off@example.com');
      const address = '192.0.2.33';
      const wrong = await remakeRecoveryCodes({ password: 'not it at all', address, context: member.context });
      assert.equal(wrong.status, 'wrong');
      const remade = await remakeRecoveryCodes({ password: PASSWORD, address, context: member.context });
      assert.ok(remade.status === 'ok' && remade.codes.length === 10);
      const { db, t } = database;
      const live = await db
        .select({ codeHash: t.adminRecoveryCodes.codeHash })
        .from(t.adminRecoveryCodes)
        .where(and(eq(t.adminRecoveryCodes.userId, member.id), isNull(t.adminRecoveryCodes.usedAt)));
      assert.ok(!live.some((row) => row.codeHash === hashRecoveryCode(normaliseRecoveryCode(member.codes[0]!)!)));
      assert.equal((await removeApp({ password: 'not it at all', address, context: member.context })).status, 'wrong');
      assert.deepEqual(await removeApp({ password: PASSWORD, address, context: member.context }), { status: 'ok' });
      assert.equal((await twoFactorStatus(member.context)).app, null);
      const result = await signIn({ input: { email: member.email, password: PASSWORD, address }, database });
      assert.equal(result.status, 'ok', 'the password alone again');
    });

    it('ends a sign-in halfway when the password changes, or an owner removes the app', async () => {
      const member = await withApp('halfway@example.com');
      const owner = await teamAccount({ database, email: 'halfway-owner@example.com', role: 'owner' });
      const address = '192.0.2.36';
      const begun = await passwordStep(member.email, address);
      const changed = await changePassword({
        current: PASSWORD,
        password: NEW_PASSWORD,
        address,
        context: member.context,
      });
      assert.equal(changed.status, 'ok');
      const code = totpCode({ secret: member.secret, at: Date.now() + 30_000 });
      assert.deepEqual(await completeChallenge({ database, token: begun, code, address }), { status: 'expired' });

      const again = await signIn({ input: { email: member.email, password: NEW_PASSWORD, address }, database });
      assert.equal(again.status, 'second-factor');
      await removeMemberSecondFactor({ userId: member.id, context: owner.context });
      const token = again.status === 'second-factor' ? again.token : '';
      assert.deepEqual(await completeChallenge({ database, token, code, address }), { status: 'expired' });
    });

    it('lets an owner require a second factor: a member without one may only set it up', async () => {
      const owner = await withApp('requiring-owner@example.com', 'owner');
      const recruiter = await teamAccount({ database, email: 'not-an-owner@example.com', role: 'recruiter' });
      const member = await teamAccount({ database, email: 'must-enrol@example.com', role: 'reviewer' });
      await assert.rejects(setSecondFactorRequired({ required: true, context: recruiter.context }), RoleRequiredError);
      assert.ok((await listOwnSessions(member.context)).length >= 1);

      await setSecondFactorRequired({ required: true, context: owner.context });
      await assert.rejects(listOwnSessions(member.context), SecondFactorRequiredError);
      // Turning one's app off is refused by the data layer, not only hidden by the page.
      const address = '192.0.2.35';
      assert.deepEqual(await removeApp({ password: PASSWORD, address, context: owner.context }), {
        status: 'required',
      });
      assert.ok((await twoFactorStatus(owner.context)).app);
      assert.ok((await listOwnSessions(owner.context)).length >= 1, 'who has one goes on');
      await startAppSetup({ password: PASSWORD, address: '192.0.2.99', context: member.context });
      const secret = (await twoFactorStatus(member.context)).setup!.secret.replaceAll(' ', '');
      const confirmed = await confirmAppSetup({ code: totpCode({ secret, at: Date.now() }), context: member.context });
      assert.ok('codes' in confirmed);
      assert.ok((await listOwnSessions(member.context)).length >= 1);

      // A lost phone: the owner takes the app away; the member's sessions end and they set one up again.
      await removeMemberSecondFactor({ userId: member.id, context: owner.context });
      await assert.rejects(listOwnSessions(member.context), NotSignedInError);
      assert.equal(await resolveSession({ database, token: member.token, now: Date.now() }), null);
      const again = await signIn({
        input: { email: member.email, password: PASSWORD, address: '192.0.2.34' },
        database,
      });
      assert.equal(again.status, 'ok');
      assert.deepEqual(await audits(owner.email, 'second_factor_removed'), [{ detail: member.email }]);
      await setSecondFactorRequired({ required: false, context: owner.context });
    });
  });
}
