import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { RoleRequiredError } from '@/features/staff/access';
import { signIn } from '@/features/staff/auth';
import { resolveSession } from '@/features/staff/context';
import { changePassword } from '@/features/staff/passwords';
import {
  findPasswordReset,
  requestPasswordReset,
  resetPassword,
  RESET_MS,
  sendPasswordReset,
} from '@/features/staff/reset-links';
import { endOwnSessions, listOwnSessions } from '@/features/staff/sessions';
import { PAIR_POLICY } from '@/features/staff/throttle';
import { setDisabled } from '@/features/team/accounts';
import { TeamError } from '@/features/team/team-error';
import type { AuditAction } from '@/lib/audit-actions';
import { hashToken } from '@/lib/security/token';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { PASSWORD, sessionOf, teamAccount } from '@/test-support/factories';
import { auditsOf, mailsTo } from '@/test-support/records';

const NEW_PASSWORD = 'another long enough password';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

for (const dialect of testDialects()) {
  let database: Database;

  const mails = (to: string, kind: 'password_reset' | 'password_changed') => mailsTo(database, to, kind);

  const audits = (actorEmail: string, action: AuditAction) => auditsOf(database, actorEmail, action);

  const live = async (token: string) => (await resolveSession({ database, token, now: Date.now() })) !== null;
  const signsIn = async (email: string, password: string) =>
    (await signIn({ input: { email, password, address: '192.0.2.50' }, database })).status === 'ok';

  /** The link's token, from the newest reset email to the address. */
  const linkToken = async (email: string) => {
    const sent = await mails(email, 'password_reset');
    const path = String(sent.at(-1)?.path ?? '');
    return path.replace('/admin/password-reset/', '');
  };

  describe(`passwords and sessions on ${dialect}`, () => {
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
    });

    it('changes a password only with the current one; the other sessions end, this one stays, and the member is told', async () => {
      const member = await teamAccount({ database, email: 'changer@example.com', role: 'reviewer' });
      const elsewhere = await sessionOf({ database, email: member.email });
      const change = (current: string, password: string) =>
        changePassword({ current, password, address: '192.0.2.10', context: member.context });

      assert.deepEqual(await change('not my password at all', NEW_PASSWORD), { status: 'wrong' });
      assert.equal((await audits(member.email, 'password_change_failed')).length, 1);
      assert.equal((await change(PASSWORD, 'short')).status, 'weak');
      assert.ok(await live(elsewhere), 'a refused change ends nothing');

      assert.deepEqual(await change(PASSWORD, NEW_PASSWORD), { status: 'ok' });
      assert.ok(await live(member.token), 'the session that changed it stays');
      assert.ok(!(await live(elsewhere)), 'every other session ends');
      assert.ok(await signsIn(member.email, NEW_PASSWORD));
      assert.ok(!(await signsIn(member.email, PASSWORD)));
      const [told] = await mails(member.email, 'password_changed');
      assert.equal(told?.how, 'changed');
      assert.deepEqual(await audits(member.email, 'password_changed'), [{ detail: '1 session ended (other)' }]);
    });

    it('throttles guesses at the current password like sign-ins', async () => {
      const member = await teamAccount({ database, email: 'guessed@example.com', role: 'reviewer' });
      const guess = () =>
        changePassword({
          current: 'a wrong guess',
          password: NEW_PASSWORD,
          address: '192.0.2.11',
          context: member.context,
        });
      for (let i = 0; i < PAIR_POLICY.free; i++) assert.equal((await guess()).status, 'wrong');
      const refused = await guess();
      assert.equal(refused.status, 'throttled');
      // Even the right password waits: the throttle is checked before the password.
      const right = await changePassword({
        current: PASSWORD,
        password: NEW_PASSWORD,
        address: '192.0.2.11',
        context: member.context,
      });
      assert.equal(right.status, 'throttled');
    });

    it('emails a one-hour, one-time reset link to an account, the same nothing to an unknown address', async () => {
      const member = await teamAccount({ database, email: 'forgot@example.com', role: 'recruiter' });
      const elsewhere = await sessionOf({ database, email: member.email });
      const { db, t } = database;

      await requestPasswordReset({ database, email: 'nobody@example.com' });
      assert.deepEqual(await mails('nobody@example.com', 'password_reset'), []);

      const at = Date.now();
      await requestPasswordReset({ database, email: 'Forgot@Example.com', now: at });
      const first = await linkToken(member.email);
      const [stored] = await db.select().from(t.adminPasswordResets).where(eq(t.adminPasswordResets.userId, member.id));
      assert.equal(stored?.tokenHash, hashToken(first), 'only the hash is stored');
      assert.equal(stored?.expiresAt.getTime(), at + RESET_MS);
      assert.equal(RESET_MS, 60 * 60 * 1000, 'an hour');
      assert.deepEqual(await findPasswordReset({ database, token: first }), { email: member.email });
      assert.deepEqual(await findPasswordReset({ database, token: first, now: at + RESET_MS - 1 }), {
        email: member.email,
      });
      assert.deepEqual(await findPasswordReset({ database, token: first, now: at + RESET_MS }), { problem: 'expired' });

      await requestPasswordReset({ database, email: member.email });
      const second = await linkToken(member.email);
      assert.deepEqual(await findPasswordReset({ database, token: first }), { problem: 'unknown' }, 'only the newest');

      const weak = await resetPassword({ database, token: second, password: 'short' });
      assert.ok('problem' in weak && weak.problem === 'password');
      assert.deepEqual(await resetPassword({ database, token: second, password: NEW_PASSWORD }), {
        email: member.email,
      });
      assert.ok(!(await live(member.token)) && !(await live(elsewhere)), 'every session ends');
      assert.ok(await signsIn(member.email, NEW_PASSWORD));
      assert.deepEqual(await resetPassword({ database, token: second, password: NEW_PASSWORD }), { problem: 'used' });
      assert.equal((await mails(member.email, 'password_changed'))[0]?.how, 'reset');
      assert.deepEqual(await audits(member.email, 'password_reset'), [{ detail: '2 sessions ended' }]);
      assert.equal((await audits(member.email, 'password_reset_requested')).length, 2);
    });

    it('sends at most three links an hour to one mailbox, and none to a disabled account', async () => {
      await teamAccount({ database, email: 'flooded@example.com', role: 'reviewer' });
      for (let i = 0; i < 5; i++) await requestPasswordReset({ database, email: 'flooded@example.com' });
      assert.equal((await mails('flooded@example.com', 'password_reset')).length, 3);
      // An hour later the mailbox may have another.
      await requestPasswordReset({ database, email: 'flooded@example.com', now: Date.now() + RESET_MS + 1 });
      assert.equal((await mails('flooded@example.com', 'password_reset')).length, 4);

      const owner = await teamAccount({ database, email: 'disabler@example.com', role: 'owner' });
      const gone = await teamAccount({ database, email: 'disabled@example.com', role: 'reviewer' });
      await requestPasswordReset({ database, email: gone.email });
      const pending = await linkToken(gone.email);
      await setDisabled({ userId: gone.id, disabled: true, context: owner.context });
      assert.deepEqual(await findPasswordReset({ database, token: pending }), { problem: 'unknown' });
      await setDisabled({ userId: gone.id, disabled: false, context: owner.context });
      assert.deepEqual(
        await findPasswordReset({ database, token: pending }),
        { problem: 'unknown' },
        'enabling again does not bring the old link back',
      );
      await setDisabled({ userId: gone.id, disabled: true, context: owner.context });
      await requestPasswordReset({ database, email: gone.email });
      assert.equal((await mails(gone.email, 'password_reset')).length, 1);
    });

    it('lets one of two tabs use a link at the same moment', async () => {
      const member = await teamAccount({ database, email: 'two-tabs@example.com', role: 'reviewer' });
      await requestPasswordReset({ database, email: member.email });
      const token = await linkToken(member.email);
      const results = await Promise.all([
        resetPassword({ database, token, password: NEW_PASSWORD }),
        resetPassword({ database, token, password: `${NEW_PASSWORD} two` }),
      ]);
      assert.deepEqual(results.map((r) => ('email' in r ? 'set' : r.problem)).sort(), ['set', 'used']);
      assert.equal((await mails(member.email, 'password_changed')).length, 1);
    });

    it('lets an owner, and nobody else, send a member a reset link', async () => {
      const owner = await teamAccount({ database, email: 'resetting-owner@example.com', role: 'owner' });
      const recruiter = await teamAccount({ database, email: 'resetting-recruiter@example.com', role: 'recruiter' });
      const member = await teamAccount({ database, email: 'locked-out@example.com', role: 'reviewer' });
      await assert.rejects(sendPasswordReset({ userId: member.id, context: recruiter.context }), RoleRequiredError);
      assert.deepEqual(await mails(member.email, 'password_reset'), []);
      await sendPasswordReset({ userId: member.id, context: owner.context });
      const [sent] = await mails(member.email, 'password_reset');
      assert.equal(sent?.sentBy, owner.email);
      assert.deepEqual(await audits(owner.email, 'password_reset_sent'), [{ detail: member.email }]);
      await setDisabled({ userId: member.id, disabled: true, context: owner.context });
      await assert.rejects(
        sendPasswordReset({ userId: member.id, context: owner.context }),
        (error) => error instanceof TeamError && error.problem === 'reset-disabled',
      );
      await assert.rejects(
        sendPasswordReset({ userId: 999_999, context: owner.context }),
        (error) => error instanceof TeamError && error.problem === 'no-account',
      );
    });

    it('lists a member’s own sessions with browser and address, and ends others one or all at once', async () => {
      const member = await teamAccount({ database, email: 'travelling@example.com', role: 'reviewer' });
      const stranger = await teamAccount({ database, email: 'stranger@example.com', role: 'reviewer' });
      const laptop = await signIn({
        input: { email: member.email, password: PASSWORD, address: '198.51.100.7', userAgent: FIREFOX },
        database,
      });
      assert.equal(laptop.status, 'ok');
      const phone = await sessionOf({ database, email: member.email });
      const sessions = await listOwnSessions(member.context);
      assert.equal(sessions.length, 3);
      assert.equal(sessions.filter((s) => s.current).length, 1);
      const fromLaptop = sessions.find((s) => s.address === '198.51.100.7');
      assert.equal(fromLaptop?.device, 'Firefox 133 on Windows 10');
      assert.ok(sessions.every((s) => /^[0-9a-f]{16}$/.test(s.id)));

      // Someone else's session is not theirs to end, whatever id they send.
      const [strangers] = await listOwnSessions(stranger.context);
      assert.equal(await endOwnSessions({ id: strangers!.id, context: member.context }), 0);
      assert.ok(await live(stranger.token));
      assert.equal(await endOwnSessions({ id: 'not an id', context: member.context }), 0);
      const current = sessions.find((s) => s.current)!;
      assert.equal(await endOwnSessions({ id: current.id, context: member.context }), 0, 'signing out ends this one');

      assert.equal(await endOwnSessions({ id: fromLaptop!.id, context: member.context }), 1);
      assert.ok(laptop.status === 'ok' && !(await live(laptop.token)));
      assert.ok(await live(phone));
      assert.equal(await endOwnSessions({ context: member.context }), 1);
      assert.ok(!(await live(phone)) && (await live(member.token)));
      assert.deepEqual(
        (await audits(member.email, 'session_ended')).map((a) => a.detail),
        ['1 session', '1 session'],
      );
    });
  });
}

describe('a session’s device', () => {
  it('names the browser and system a member would recognise, and an unreadable one as unknown', async () => {
    const { describeDevice } = await import('@/features/staff/device');
    assert.equal(describeDevice(FIREFOX), 'Firefox 133 on Windows 10');
    assert.equal(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
      'Safari 17 on iOS',
    );
    assert.equal(describeDevice(null), 'Unknown browser');
    assert.equal(describeDevice('curl/8.5.0'), 'Unknown browser');
  });
});
