import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { beginPasskeySignIn, signInWithPasskey } from '@/features/passkeys/sign-in';
import { RoleRequiredError } from '@/features/staff/access';
import { signIn } from '@/features/staff/auth';
import { takeFlow, startFlow } from '@/features/staff/auth-flows';
import { disableAdminUser } from '@/features/staff/cli-accounts';
import { resolveSession } from '@/features/staff/context';
import {
  findPasswordReset,
  requestPasswordReset,
  resetPassword,
  sendPasswordReset,
} from '@/features/staff/reset-links';
import { changeRole, setDisabled } from '@/features/team/accounts';
import { inviteMember } from '@/features/team/invitations';
import { TeamError } from '@/features/team/team-error';
import { setSecondFactorRequired } from '@/features/two-factor/team';
import type { AuditAction } from '@/lib/audit-actions';
import { hashToken, newToken } from '@/lib/security/token';
import { afterSuite, freshDatabase, testDialects } from '@/test-support/databases';
import { PASSWORD, teamAccount } from '@/test-support/factories';
import { loginAtProvider, startOidcProvider, TEST_OIDC_CLIENT, type TestProvider } from '@/test-support/oidc-provider';
import { addPasskey, type Authenticator } from '@/test-support/passkeys';
import { auditsOf } from '@/test-support/records';
import type { Checks } from './client';
import { ssoConfig, SsoConfigError, type SsoConfig } from './config';
import { ssoMessage } from './messages';
import { breakGlassAccount, setSsoOnly, ssoStatus } from './settings';
import { beginSso, finishSso } from './sign-in';

const SITE = 'http://127.0.0.1:3999';
const REDIRECT_URI = `${SITE}/admin/sso/callback`;
const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ALLOWED_DOMAINS', 'OIDC_NAME'];

const envOf = (issuer: string) => ({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: TEST_OIDC_CLIENT.id,
  OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.secret,
  OIDC_ALLOWED_DOMAINS: ' Allowed.example, unverified.example ',
  OIDC_NAME: 'Test ID',
});

describe('single sign-on configuration', () => {
  it('is off with no variables, refuses half of them, and plain http but on loopback', () => {
    assert.equal(ssoConfig({}, SITE), null);
    assert.throws(
      () => ssoConfig({ OIDC_ISSUER: 'https://id.example' }, SITE),
      /OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/,
    );
    const good = envOf('https://id.example');
    assert.throws(() => ssoConfig({ ...good, OIDC_ISSUER: 'http://id.example' }, SITE), SsoConfigError);
    assert.throws(() => ssoConfig({ ...good, OIDC_ALLOWED_DOMAINS: 'a.example, not a domain' }, SITE), SsoConfigError);
    const config = ssoConfig(good, 'https://careers.example/');
    assert.deepEqual(config?.allowedDomains, ['allowed.example', 'unverified.example']);
    assert.equal(config?.redirectUri, 'https://careers.example/admin/sso/callback');
    assert.equal(config?.insecure, false);
    assert.equal(ssoConfig({ ...good, OIDC_NAME: '' }, SITE)?.name, 'id.example');
    assert.equal(ssoConfig({ ...good, OIDC_ISSUER: 'http://127.0.0.1:9' }, SITE)?.insecure, true);
  });

  it('explains each refusal by its code, naming the address only when given', () => {
    assert.match(
      ssoMessage({ error: 'sso-not-on-team', name: 'Okta', email: 'x@y.example' })!,
      /\(x@y\.example\) is not on this team/,
    );
    assert.match(ssoMessage({ error: 'sso-only', name: 'Okta', email: null })!, /signs in with Okta only/);
    assert.equal(ssoMessage({ error: 'invalid', name: 'Okta', email: null }), undefined);
    assert.equal(ssoMessage({ error: 'sso-<script>', name: 'Okta', email: null }), undefined);
  });
});

describe('single sign-on against a real provider', () => {
  let provider: TestProvider;
  let config: SsoConfig;
  const saved = Object.fromEntries(OIDC_VARIABLES.map((name) => [name, process.env[name]]));

  before(async () => {
    provider = await startOidcProvider({ redirectUris: [REDIRECT_URI] });
    config = ssoConfig(envOf(provider.issuer), SITE)!;
    // The password side reads the site's own configuration ("single sign-on only" is in effect only with it).
    Object.assign(process.env, envOf(provider.issuer));
  });
  after(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await provider.close();
  });

  for (const dialect of testDialects()) {
    describe(`on ${dialect}`, () => {
      const suite = afterSuite();
      let database: Database;
      let owner: Awaited<ReturnType<typeof teamAccount>>;
      before(async () => {
        database = await freshDatabase(dialect, suite);
        // The team's first account: the command line's, the break-glass owner.
        owner = await teamAccount({ database, email: 'first-owner@example.com', role: 'owner' });
      });

      let addressCount = 0;
      const newAddress = () => `198.51.100.${++addressCount}`;

      /** The browser's round trip: start, the provider's login as `login`, and the callback's parameters. */
      async function roundTrip(login: string) {
        const started = await beginSso({ database, config, address: newAddress(), at: Date.now() });
        assert.ok(started.status === 'started');
        const back = await loginAtProvider({ url: started.url, login, redirectUri: REDIRECT_URI });
        return { flowToken: started.token, callback: back.searchParams };
      }

      const finish = (trip: { flowToken: string | undefined; callback: URLSearchParams }, address = newAddress()) =>
        finishSso({ database, config, ...trip, address, userAgent: 'test browser' });

      const signInAs = async (login: string, address = newAddress()) => finish(await roundTrip(login), address);

      const audits = async (actorEmail: string, action: AuditAction) =>
        (await auditsOf(database, actorEmail, action)).map((row) => row.detail ?? '');

      const accountOf = async (email: string) => {
        const { db, t } = database;
        const [row] = await db
          .select({ id: t.adminUsers.id, role: t.adminUsers.role })
          .from(t.adminUsers)
          .where(eq(t.adminUsers.email, email));
        return row;
      };

      const viewerOf = async (result: Awaited<ReturnType<typeof finish>>) => {
        assert.equal(result.status, 'ok', JSON.stringify(result));
        return resolveSession({ database, token: result.status === 'ok' ? result.token : '', now: Date.now() });
      };

      it('signs a member in with a session of their own, audited as a single sign-on', async () => {
        await teamAccount({ database, email: 'member@example.com', role: 'recruiter' });
        const viewer = await viewerOf(await signInAs('Member@Example.com'));
        assert.equal(viewer?.email, 'member@example.com');
        assert.equal(viewer?.role, 'recruiter');
        const signIns = await audits('member@example.com', 'sign_in');
        assert.ok(
          signIns.some((detail) => /with single sign-on/.test(detail)),
          signIns.join(),
        );
        const { db, t } = database;
        assert.equal((await db.select().from(t.adminAuthFlows)).length, 0, 'the flow is gone once used');
      });

      it('makes an invited colleague’s account with the invitation’s role, and uses the invitation up', async () => {
        await inviteMember({ email: 'invited@elsewhere.example', role: 'recruiter', context: owner.context });
        const viewer = await viewerOf(await signInAs('invited@elsewhere.example'));
        assert.equal(viewer?.role, 'recruiter');
        assert.deepEqual(await audits('invited@elsewhere.example', 'invitation_accepted'), [
          'recruiter, by single sign-on',
        ]);
        const { db, t } = database;
        const [invitation] = await db
          .select({ acceptedAt: t.adminInvitations.acceptedAt })
          .from(t.adminInvitations)
          .where(eq(t.adminInvitations.email, 'invited@elsewhere.example'));
        assert.ok(invitation?.acceptedAt);
        // No password anyone knows: password sign-in fails until a reset link sets one.
        const typed = await signIn({
          input: { email: 'invited@elsewhere.example', password: PASSWORD, address: newAddress() },
          database,
        });
        assert.equal(typed.status, 'invalid');
      });

      it('lets a verified address of an allowed domain join as the least-privileged role', async () => {
        const viewer = await viewerOf(await signInAs('newcomer@allowed.example'));
        assert.equal(viewer?.role, 'reviewer');
        assert.deepEqual(await audits('newcomer@allowed.example', 'sso_joined'), ['reviewer']);
      });

      it('refuses an unverified address, even of an allowed domain', async () => {
        const result = await signInAs('someone@unverified.example');
        assert.deepEqual(result, { status: 'refused', reason: 'unverified' });
        assert.equal(await accountOf('someone@unverified.example'), undefined);
      });

      it('refuses a stranger’s domain with their address for the page, audited without it', async () => {
        const address = newAddress();
        const result = await signInAs('stranger@elsewhere.example', address);
        assert.deepEqual(result, { status: 'refused', reason: 'not-on-team', email: 'stranger@elsewhere.example' });
        assert.equal(await accountOf('stranger@elsewhere.example'), undefined);
        assert.ok((await audits('unknown account', 'sso_refused')).includes(`from ${address}: not-on-team`));
        assert.deepEqual(await audits('stranger@elsewhere.example', 'sso_refused'), [], 'not under their address');
      });

      it('refuses a disabled account', async () => {
        await teamAccount({ database, email: 'gone@example.com', role: 'reviewer' });
        await disableAdminUser({ database, email: 'gone@example.com' });
        assert.deepEqual(await signInAs('gone@example.com'), { status: 'refused', reason: 'disabled' });
        assert.equal((await audits('gone@example.com', 'sso_refused')).length, 1);
      });

      it('binds an account to the provider’s person at the first sign-in; another person with the address is refused', async () => {
        await teamAccount({ database, email: 'bound@example.com', role: 'reviewer' });
        assert.equal((await signInAs('bound@example.com')).status, 'ok');
        const { db, t } = database;
        const [row] = await db
          .select({ subject: t.adminUsers.oidcSubject })
          .from(t.adminUsers)
          .where(eq(t.adminUsers.email, 'bound@example.com'));
        assert.equal(row?.subject, `${config.issuer.href} bound@example.com`);
        assert.equal((await signInAs('bound@example.com')).status, 'ok', 'the same person again');
        // The provider's test accounts are named by their login: another login, the same address (case aside).
        assert.deepEqual(await signInAs('Bound@Example.com'), { status: 'refused', reason: 'another-person' });
        const refusals = await audits('bound@example.com', 'sso_refused');
        assert.ok(
          refusals.some((detail) => detail.endsWith(': another-person')),
          refusals.join(),
        );
      });

      it('refuses an address with letters beyond ASCII, which lower-casing could turn into another account’s', async () => {
        await teamAccount({ database, email: 'kate@allowed.example', role: 'reviewer' });
        // U+212A KELVIN SIGN lower-cases to "k".
        assert.deepEqual(await signInAs('\u212Aate@allowed.example'), { status: 'refused', reason: 'no-email' });
      });

      it('refuses a replayed answer, and an answer without the flow’s cookie or with another', async () => {
        await teamAccount({ database, email: 'replay@example.com', role: 'reviewer' });
        const trip = await roundTrip('replay@example.com');
        assert.equal((await finish(trip)).status, 'ok');
        assert.deepEqual(await finish(trip), { status: 'refused', reason: 'expired' });
        const other = await roundTrip('replay@example.com');
        assert.deepEqual(await finish({ ...other, flowToken: undefined }), { status: 'refused', reason: 'expired' });
        assert.deepEqual(await finish({ ...other, flowToken: newToken() }), { status: 'refused', reason: 'expired' });
        assert.deepEqual(await finish({ ...other, flowToken: 'not a token' }), {
          status: 'refused',
          reason: 'expired',
        });
      });

      it('refuses an answer that fails a check: state, issuer, nonce, garbage, the provider’s error', async () => {
        await teamAccount({ database, email: 'checked@example.com', role: 'reviewer' });
        const checked = async (change: (callback: URLSearchParams) => void) => {
          const trip = await roundTrip('checked@example.com');
          const callback = new URLSearchParams(trip.callback);
          change(callback);
          return finish({ ...trip, callback });
        };
        const invalid = { status: 'refused', reason: 'invalid' };
        assert.deepEqual(await checked((c) => c.set('state', 'another state')), invalid);
        assert.deepEqual(await checked((c) => c.set('iss', 'http://127.0.0.1:1')), invalid);
        assert.deepEqual(await checked((c) => c.set('code', 'made-up')), invalid);
        assert.deepEqual(await checked((c) => c.delete('code')), invalid);
        assert.deepEqual(
          await checked((c) => {
            for (const key of [...c.keys()]) c.delete(key);
            c.set('code', 'x'.repeat(5000));
            c.append('state', '\u0000');
            c.append('state', '\u0000');
          }),
          invalid,
        );
        const denied = await checked((c) => {
          c.delete('code');
          c.set('error', 'access_denied');
        });
        assert.deepEqual(denied, { status: 'refused', reason: 'denied' });

        // Another nonce than the ID token's: a flow of the same state and verifier, only the nonce changed.
        const trip = await roundTrip('checked@example.com');
        const flow = await takeFlow<Checks>({ database, purpose: 'oidc', token: trip.flowToken, at: Date.now() });
        const forged = await startFlow({
          database,
          purpose: 'oidc',
          data: { ...flow!.data, nonce: 'another nonce' },
          ttlMs: 60_000,
          at: Date.now(),
        });
        assert.deepEqual(await finish({ flowToken: forged.token, callback: trip.callback }), invalid);
        assert.equal(await accountOf('checked@example.com').then((a) => Boolean(a)), true);
        // None of them signed the account in or bound it to the provider's person.
        const { db, t } = database;
        const [row] = await db
          .select({ id: t.adminUsers.id, subject: t.adminUsers.oidcSubject })
          .from(t.adminUsers)
          .where(eq(t.adminUsers.email, 'checked@example.com'));
        assert.equal(row?.subject, null);
        const sessions = await db.select().from(t.adminSessions).where(eq(t.adminSessions.userId, row!.id));
        assert.equal(sessions.length, 1, 'the factory’s session alone');
      });

      it('counts refusals against the address’s throttle, and a success forgets them', async () => {
        const address = newAddress();
        await teamAccount({ database, email: 'throttled@example.com', role: 'reviewer' });
        // A return without a sign-in under way counts nothing and writes nothing: any page can send a browser
        // here (an image's address), and would otherwise lock out everyone behind its visitors' address.
        const flowless = () => finish({ flowToken: undefined, callback: new URLSearchParams() }, address);
        for (let i = 0; i < 30; i++) assert.deepEqual(await flowless(), { status: 'refused', reason: 'expired' });
        assert.deepEqual(
          await audits('unknown account', 'sso_refused').then((all) =>
            all.filter((d) => d.startsWith(`from ${address}:`)),
          ),
          [],
        );
        const stranger = async () => finish(await roundTrip('someone@elsewhere.example'), address);
        for (let i = 0; i < 3; i++) assert.equal((await stranger()).status, 'refused');
        assert.equal((await signInAs('throttled@example.com', address)).status, 'ok');
        for (let i = 0; i < 5; i++) assert.equal((await stranger()).status, 'refused');
        const paused = await stranger();
        assert.equal(paused.status, 'throttled');
        assert.ok(paused.status === 'throttled' && paused.retryAfter > 0);
      });

      it('says the provider is unavailable when it cannot be reached', async () => {
        const down = ssoConfig(envOf('http://127.0.0.1:9'), SITE)!;
        const started = await beginSso({ database, config: down, address: newAddress(), at: Date.now() });
        assert.deepEqual(started, { status: 'unavailable' });
      });

      it('limits the sign-ins started from one address, each of which stores a flow', async () => {
        const address = newAddress();
        const at = Date.now();
        const start = async (from = address) => beginSso({ database, config, address: from, at });
        const { db, t } = database;
        const flows = async () =>
          (await db.select({ token: t.adminAuthFlows.tokenHash }).from(t.adminAuthFlows)).length;
        const before = await flows();
        for (let i = 0; i < 60; i++) assert.equal((await start()).status, 'started');
        assert.equal(await flows(), before + 60);
        const limited = await start();
        assert.ok(limited.status === 'throttled' && limited.retryAfter > 0);
        assert.equal(await flows(), before + 60, 'a refused start stores nothing');
        assert.equal((await start(newAddress())).status, 'started');
      });

      it('makes single sign-on the only way in but for the break-glass owner’s password', async () => {
        assert.equal((await breakGlassAccount(database))?.email, owner.email);
        const member = await teamAccount({ database, email: 'password-user@example.com', role: 'recruiter' });
        const viaPassword = (email: string) =>
          signIn({ input: { email, password: PASSWORD, address: newAddress() }, database });
        // A reset link sent before the switch: it stops working with it.
        const link = newToken();
        const at = Date.now();
        await database.db.insert(database.t.adminPasswordResets).values({
          tokenHash: hashToken(link),
          userId: member.id,
          createdAt: new Date(at),
          expiresAt: new Date(at + 3_600_000),
        });
        await setSsoOnly({ on: true, context: owner.context });
        try {
          assert.deepEqual(await findPasswordReset({ database, token: link }), { problem: 'sso-only' });
          const chosen = await resetPassword({ database, token: link, password: 'a new long enough password' });
          assert.deepEqual(chosen, { problem: 'sso-only' });
          assert.deepEqual(await viaPassword(member.email), { status: 'sso-only' });
          // The same answer for a wrong password and for no account: it says nothing about either.
          const wrong = await signIn({
            input: { email: member.email, password: 'not it at all', address: newAddress() },
            database,
          });
          assert.deepEqual(wrong, { status: 'sso-only' });
          const nobody = await signIn({
            input: { email: 'nobody@example.com', password: PASSWORD, address: newAddress() },
            database,
          });
          assert.deepEqual(nobody, { status: 'sso-only' });
          assert.equal((await viaPassword(owner.email)).status, 'ok');
          // The break-glass owner stays one while passwords are off.
          const second = await teamAccount({ database, email: 'second-owner@example.com', role: 'owner' });
          const stays = (error: unknown) => error instanceof TeamError && error.problem === 'break-glass-stays';
          await assert.rejects(changeRole({ userId: owner.id, role: 'recruiter', context: second.context }), stays);
          await assert.rejects(setDisabled({ userId: owner.id, disabled: true, context: second.context }), stays);
          assert.equal((await signInAs(member.email)).status, 'ok', 'single sign-on still works');
          const { db, t } = database;
          const resets = async () =>
            (await db.select().from(t.adminPasswordResets).where(eq(t.adminPasswordResets.userId, member.id))).map(
              (row) => row.tokenHash,
            );
          await requestPasswordReset({ database, email: member.email });
          assert.deepEqual(await resets(), [hashToken(link)], 'no new link');
          await assert.rejects(sendPasswordReset({ userId: member.id, context: owner.context }), (error: unknown) => {
            return error instanceof TeamError && error.problem === 'sso-only';
          });
          await requestPasswordReset({ database, email: owner.email });
          assert.equal(
            (await db.select().from(t.adminPasswordResets).where(eq(t.adminPasswordResets.userId, owner.id))).length,
            1,
          );
          assert.deepEqual(await audits(owner.email, 'sso_policy'), ['single sign-on only']);
          await assert.rejects(setSsoOnly({ on: false, context: member.context }), RoleRequiredError);
          assert.equal((await ssoStatus(owner.context))?.only, true);
        } finally {
          await setSsoOnly({ on: false, context: owner.context });
        }
        assert.equal((await viaPassword(member.email)).status, 'ok');
        assert.deepEqual(await findPasswordReset({ database, token: link }), { email: member.email });
      });

      it('meets the team’s second-factor requirement; under "only single sign-on" a passkey alone is refused', async () => {
        const member = await teamAccount({ database, email: 'sso-required@example.com', role: 'reviewer' });
        const passkeyAlone = async (authenticator: Authenticator) => {
          const begun = await beginPasskeySignIn({ database, address: '192.0.2.70' });
          assert.ok(begun.status === 'ok');
          const response = authenticator.get(begun.options);
          return signInWithPasskey({ database, token: begun.token, response, address: newAddress() });
        };
        // The owner keeps a second factor of their own, or requiring one would send them to set it up too.
        const { authenticator: ownersKey } = await addPasskey({ context: owner.context });
        await setSecondFactorRequired({ required: true, context: owner.context });
        try {
          // The provider is trusted to have asked for its own second factor (and made no password to set one up with).
          assert.equal((await viewerOf(await signInAs(member.email)))?.mustEnrol, false);
          const withPassword = await signIn({
            input: { email: member.email, password: PASSWORD, address: newAddress() },
            database,
          });
          assert.ok(withPassword.status === 'ok');
          const passwordViewer = await resolveSession({ database, token: withPassword.token, now: Date.now() });
          assert.equal(passwordViewer?.mustEnrol, true, 'the password alone does not');

          const { authenticator: membersKey } = await addPasskey({ context: member.context });
          await setSsoOnly({ on: true, context: owner.context });
          try {
            assert.deepEqual(await passkeyAlone(membersKey), { status: 'sso-only' });
            assert.equal((await passkeyAlone(ownersKey)).status, 'ok', 'the break-glass owner’s passkey works');
          } finally {
            await setSsoOnly({ on: false, context: owner.context });
          }
          assert.equal((await passkeyAlone(membersKey)).status, 'ok');
        } finally {
          await setSecondFactorRequired({ required: false, context: owner.context });
        }
      });

      it('shows the team how it signs in, and refuses "only single sign-on" when the first account is no owner', async (t) => {
        assert.deepEqual(await ssoStatus(owner.context), { name: 'Test ID', only: false, breakGlass: owner.email });
        const other = await freshDatabase(dialect, t);
        await teamAccount({ database: other, email: 'first-was-a-reviewer@example.com', role: 'reviewer' });
        const later = await teamAccount({ database: other, email: 'later-owner@example.com', role: 'owner' });
        assert.equal(await breakGlassAccount(other), null);
        await assert.rejects(
          setSsoOnly({ on: true, context: later.context }),
          (error: unknown) => error instanceof TeamError && error.problem === 'no-break-glass',
        );
        assert.equal((await ssoStatus(later.context))?.breakGlass, null);
      });
    });
  }
});
