import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { signIn } from '@/features/staff/auth';
import { resolveSession } from '@/features/staff/context';
import { TeamError } from '@/features/team/team-error';
import { removeMemberSecondFactor, setSecondFactorRequired } from '@/features/two-factor/team';
import type { AuditAction } from '@/lib/audit-actions';
import { site } from '@/lib/site';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { PASSWORD, teamAccount } from '@/test-support/factories';
import { addPasskey } from '@/test-support/passkeys';
import { auditsOf, mailsTo } from '@/test-support/records';
import { softwareAuthenticator } from '@/test-support/software-authenticator';
import { beginPasskeyAdd, finishPasskeyAdd, listOwnPasskeys, removePasskey, renamePasskey } from './passkeys';
import { relyingParty } from './relying-party';
import { beginPasskeySignIn, completeChallengeWithPasskey, signInWithPasskey } from './sign-in';

// The server side of passkeys against a software authenticator that signs as a real one does
// (test-support/software-authenticator.ts); Chromium's virtual authenticator drives the pages in
// e2e/admin/passkeys.spec.ts.

const rp = relyingParty();

for (const dialect of testDialects()) {
  let database: Database;

  const audits = (actorEmail: string, action: AuditAction) => auditsOf(database, actorEmail, action);

  /** A member with one passkey on `authenticator`, added as the page adds it. */
  async function withPasskey(
    email: string,
    authenticator = softwareAuthenticator({ origin: rp!.origin }),
    role: 'owner' | 'reviewer' = 'reviewer',
  ) {
    const member = await teamAccount({ database, email, role });
    return { ...member, ...(await addPasskey({ context: member.context, authenticator })) };
  }

  describe(`passkeys on ${dialect}`, () => {
    const suite = afterSuite();
    before(async () => {
      database = await freshDatabase(dialect, suite);
    });

    it('are made only for a host name: an IP address or plain http elsewhere than localhost has none', () => {
      assert.ok(rp, 'the unit tests run with SITE_URL on localhost');
      assert.equal(rp.id, new URL(rp.origin).hostname);
      const settings = site as { url: string };
      const before = settings.url;
      try {
        settings.url = 'http://192.0.2.1:3000';
        assert.equal(relyingParty(), null, 'an IP address');
        settings.url = 'https://[2001:db8::1]';
        assert.equal(relyingParty(), null, 'an IPv6 address, even over https');
        settings.url = 'http://careers.example';
        assert.equal(relyingParty(), null, 'plain http on a domain name');
        settings.url = 'https://careers.example';
        assert.deepEqual(
          { id: relyingParty()?.id, origin: relyingParty()?.origin },
          { id: 'careers.example', origin: 'https://careers.example' },
        );
      } finally {
        settings.url = before;
      }
    });

    it('adds a passkey after the password and a name; the first brings recovery codes; an answer counts once', async () => {
      const member = await teamAccount({ database, email: 'adding@example.com', role: 'reviewer' });
      const authenticator = softwareAuthenticator({ origin: rp!.origin });
      const address = '192.0.2.61';
      const context = member.context;
      const wrong = await beginPasskeyAdd({ name: 'Laptop', password: 'not it at all', address, context });
      assert.equal(wrong.status, 'wrong');
      const unnamed = await beginPasskeyAdd({ name: '   ', password: PASSWORD, address, context });
      assert.equal(unnamed.status, 'name');
      const long = await beginPasskeyAdd({ name: 'x'.repeat(61), password: PASSWORD, address, context });
      assert.equal(long.status, 'name');

      const begun = await beginPasskeyAdd({ name: '  Work laptop ', password: PASSWORD, address, context });
      assert.ok(begun.status === 'ok');
      assert.equal(begun.options.rp.id, rp!.id);
      assert.equal(begun.options.user.name, member.email);
      assert.notEqual(begun.options.user.id, String(member.id), 'a random handle, not the row id');
      assert.equal(begun.options.authenticatorSelection?.residentKey, 'required');
      const response = authenticator.create(begun.options);
      const added = await finishPasskeyAdd({ token: begun.token, response, context });
      assert.ok(added.status === 'ok' && added.codes?.length === 10, 'ten recovery codes with the first');
      assert.deepEqual(await finishPasskeyAdd({ token: begun.token, response, context }), { status: 'expired' });
      const [key] = await listOwnPasskeys(context);
      assert.equal(key?.name, 'Work laptop');
      assert.equal(key?.lastUsedAt, null);

      // The second: the first is excluded (the same authenticator would be one key twice), no new codes.
      const again = await beginPasskeyAdd({ name: 'Phone', password: PASSWORD, address, context });
      assert.ok(again.status === 'ok');
      assert.deepEqual(
        again.options.excludeCredentials?.map((c) => c.id),
        [authenticator.credentials[0]!.id],
      );
      const phone = softwareAuthenticator({ origin: rp!.origin });
      const second = await finishPasskeyAdd({ token: again.token, response: phone.create(again.options), context });
      assert.deepEqual(second, { status: 'ok', codes: null });

      // Made for another site (a phishing page's origin): refused.
      const phished = await beginPasskeyAdd({ name: 'Elsewhere', password: PASSWORD, address, context });
      assert.ok(phished.status === 'ok');
      const foreign = phone.create(phished.options, { at: 'https://careers.evil.example' });
      assert.deepEqual(await finishPasskeyAdd({ token: phished.token, response: foreign, context }), {
        status: 'failed',
      });
      // Another member's flow does not add to this account.
      const other = await teamAccount({ database, email: 'other-adder@example.com', role: 'reviewer' });
      const theirs = await beginPasskeyAdd({ name: 'Theirs', password: PASSWORD, address, context: other.context });
      assert.ok(theirs.status === 'ok');
      const stolen = await finishPasskeyAdd({ token: theirs.token, response: phone.create(theirs.options), context });
      assert.deepEqual(stolen, { status: 'expired' });

      assert.equal((await listOwnPasskeys(context)).length, 2);
      assert.deepEqual(await audits(member.email, 'second_factor_added'), [
        { detail: 'passkey' },
        { detail: 'passkey' },
      ]);
      const mails = await mailsTo(database, member.email, 'sign_in_changed');
      assert.deepEqual(
        mails.map((m) => m.change),
        ['passkey_added', 'passkey_added'],
        'the member is emailed of each',
      );
    });

    it('signs in with a passkey alone, once per challenge, and only when the device checked the person', async () => {
      const member = await withPasskey('passwordless@example.com');
      const address = '192.0.2.62';
      const begun = await beginPasskeySignIn({ database, address: '192.0.2.70' });
      assert.ok(begun.status === 'ok');
      assert.deepEqual(begun.options.allowCredentials ?? [], [], 'any passkey of the site: the browser offers them');
      assert.equal(begun.options.userVerification, 'required');
      const response = member.authenticator.get(begun.options);
      const done = await signInWithPasskey({ database, token: begun.token, response, address });
      assert.equal(done.status, 'ok');
      const viewer = await resolveSession({ database, token: done.status === 'ok' ? done.token : '', now: Date.now() });
      assert.equal(viewer?.email, member.email);
      assert.deepEqual(await audits(member.email, 'sign_in'), [{ detail: `from ${address} with a passkey` }]);
      assert.ok((await listOwnPasskeys(member.context))[0]?.lastUsedAt, 'last use recorded');

      // The same answer again: its challenge was taken.
      assert.deepEqual(await signInWithPasskey({ database, token: begun.token, response, address }), {
        status: 'expired',
      });
      // …and under a new challenge it signed the old one.
      const fresh = await beginPasskeySignIn({ database, address: '192.0.2.70' });
      assert.ok(fresh.status === 'ok');
      assert.deepEqual(await signInWithPasskey({ database, token: fresh.token, response, address }), {
        status: 'invalid',
      });
      assert.equal((await audits(member.email, 'sign_in_failed')).length, 1);

      // A security key that does not check who holds it is a second factor, not a way in alone.
      const bare = await withPasskey(
        'no-pin@example.com',
        softwareAuthenticator({ origin: rp!.origin, verifiesUser: false }),
      );
      const third = await beginPasskeySignIn({ database, address: '192.0.2.70' });
      assert.ok(third.status === 'ok');
      const unverified = bare.authenticator.get(third.options);
      assert.deepEqual(await signInWithPasskey({ database, token: third.token, response: unverified, address }), {
        status: 'invalid',
      });
    });

    it('asks for a passkey after the password, and takes only the account’s own', async () => {
      const member = await withPasskey('second-step@example.com');
      const stranger = await withPasskey('stranger@example.com');
      const address = '192.0.2.63';
      const first = await signIn({ input: { email: member.email, password: PASSWORD, address }, database });
      assert.equal(first.status, 'second-factor', 'a passkey is a second factor');
      const challengeToken = first.status === 'second-factor' ? first.token : '';
      const begun = await beginPasskeySignIn({ database, challengeToken, address: '192.0.2.70' });
      assert.ok(begun.status === 'ok');
      assert.deepEqual(
        begun.options.allowCredentials?.map((c) => c.id),
        [member.authenticator.credentials[0]!.id],
      );
      const wrongKey = stranger.authenticator.get(begun.options, {
        credentialId: stranger.authenticator.credentials[0]!.id,
      });
      const refused = await completeChallengeWithPasskey({
        database,
        challengeToken,
        token: begun.token,
        response: wrongKey,
        address,
      });
      assert.equal(refused.status, 'wrong');
      assert.equal((await audits(member.email, 'second_factor_failed')).length, 1);

      const retry = await beginPasskeySignIn({ database, challengeToken, address: '192.0.2.70' });
      assert.ok(retry.status === 'ok');
      const response = member.authenticator.get(retry.options);
      const done = await completeChallengeWithPasskey({
        database,
        challengeToken,
        token: retry.token,
        response,
        address,
      });
      assert.equal(done.status, 'ok');
      assert.deepEqual(await audits(member.email, 'sign_in'), [{ detail: `from ${address} with a passkey` }]);
      assert.deepEqual(
        await beginPasskeySignIn({ database, challengeToken, address: '192.0.2.70' }),
        { status: 'expired' },
        'the challenge ended',
      );
    });

    it('limits the passkey sign-ins begun from one address, each of which stores a flow', async () => {
      const address = '192.0.2.71';
      const { db, t } = database;
      const flows = async () => (await db.select({ token: t.adminAuthFlows.tokenHash }).from(t.adminAuthFlows)).length;
      const before = await flows();
      for (let i = 0; i < 60; i++)
        assert.equal((await beginPasskeySignIn({ database, address })).status, 'ok', `start ${i + 1}`);
      assert.equal(await flows(), before + 60);
      const refused = await beginPasskeySignIn({ database, address });
      assert.equal(refused.status, 'throttled');
      assert.equal(await flows(), before + 60, 'a refused start stores nothing');
      assert.equal((await beginPasskeySignIn({ database, address: '192.0.2.72' })).status, 'ok', 'others go on');
    });

    it('renames and removes a passkey after the password; the team’s rule keeps the last; an owner can take them all', async () => {
      const member = await withPasskey('removing@example.com');
      // An owner with a second factor of their own: one without is sent to set one up once it is required.
      const owner = await withPasskey('passkey-owner@example.com', undefined, 'owner');
      const address = '192.0.2.64';
      const [key] = await listOwnPasskeys(member.context);
      assert.deepEqual(await renamePasskey({ id: key!.id, name: 'Old laptop', context: member.context }), {
        status: 'ok',
      });
      assert.equal((await renamePasskey({ id: key!.id, name: '', context: member.context })).status, 'name');
      assert.deepEqual(
        await renamePasskey({ id: key!.id, name: 'Mine now', context: owner.context }),
        {
          status: 'gone',
        },
        'nobody renames another’s passkey',
      );
      assert.equal((await listOwnPasskeys(member.context))[0]?.name, 'Old laptop');

      await setSecondFactorRequired({ required: true, context: owner.context });
      const viewer = await resolveSession({ database, token: member.token, now: Date.now() });
      assert.equal(viewer?.mustEnrol, false, 'a passkey is a second factor');
      assert.deepEqual(await removePasskey({ id: key!.id, password: PASSWORD, address, context: member.context }), {
        status: 'required',
      });
      await setSecondFactorRequired({ required: false, context: owner.context });
      assert.equal(
        (await removePasskey({ id: key!.id, password: 'not it at all', address, context: member.context })).status,
        'wrong',
      );
      assert.deepEqual(await removePasskey({ id: key!.id, password: PASSWORD, address, context: owner.context }), {
        status: 'gone',
      });
      assert.deepEqual(await removePasskey({ id: key!.id, password: PASSWORD, address, context: member.context }), {
        status: 'ok',
      });
      assert.equal((await listOwnPasskeys(member.context)).length, 0);
      const { db, t } = database;
      const codes = await db.select().from(t.adminRecoveryCodes).where(eq(t.adminRecoveryCodes.userId, member.id));
      assert.equal(codes.length, 0, 'no second factor left: the recovery codes go too');
      const plain = await signIn({ input: { email: member.email, password: PASSWORD, address }, database });
      assert.equal(plain.status, 'ok', 'the password alone again');

      // One's own second factors go on the two-factor page, after the password, not by the owner's button.
      await assert.rejects(
        removeMemberSecondFactor({ userId: owner.id, context: owner.context }),
        (error: unknown) => error instanceof TeamError && error.problem === 'own-second-factor',
      );
      // A lost laptop: the owner takes every passkey away.
      const lost = await withPasskey('lost-laptop@example.com');
      await addPasskey({ context: lost.context, name: 'Phone' });
      assert.equal((await listOwnPasskeys(lost.context)).length, 2);
      await removeMemberSecondFactor({ userId: lost.id, context: owner.context });
      assert.equal(await resolveSession({ database, token: lost.token, now: Date.now() }), null, 'sessions ended');
      const left = await db.select().from(t.adminPasskeys).where(eq(t.adminPasskeys.userId, lost.id));
      assert.equal(left.length, 0);
      const begun = await beginPasskeySignIn({ database, address: '192.0.2.70' });
      assert.ok(begun.status === 'ok');
      const response = lost.authenticator.get(begun.options);
      assert.equal((await signInWithPasskey({ database, token: begun.token, response, address })).status, 'invalid');
    });
  });
}
