import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { changeStatus } from '@/features/application/status-changes';
import { listApplications } from '@/features/inbox/queries';
import { RoleRequiredError } from '@/features/staff/access';
import { setDisabled } from '@/features/team/accounts';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { applyTo, teamAccount } from '@/test-support/factories';
import { createApiToken, listApiTokens, resolveApiToken, revokeApiToken } from './tokens';

// API tokens on both databases: shown once and kept as a hash, resolved to a caller that acts through the
// same data layer as a person (and is audited as the token), and refused once revoked or its owner disabled.

for (const dialect of testDialects()) {
  describe(`API tokens on ${dialect}`, () => {
    test('a token is kept as its hash, resolves to its scopes, and acts as a recruiter for its owner', async (t) => {
      const database = await freshDatabase(dialect, t);
      const owner = await teamAccount({ database, role: 'owner' });
      const { id, token } = await createApiToken({
        name: 'HR system',
        scopes: ['applications:read', 'applications:write'],
        context: owner.context,
      });
      assert.match(token, /^cpt_[A-Za-z0-9_-]{43}$/);
      const { db, t: tables } = database;
      const [row] = await db.select().from(tables.apiTokens).where(eq(tables.apiTokens.id, id));
      assert.ok(row && row.tokenHash !== token && !JSON.stringify(row).includes(token.slice(4)), 'no token at rest');
      assert.equal(row.prefix, token.slice(0, 10));

      const now = Date.now();
      const caller = await resolveApiToken({ database, authorization: `Bearer ${token}`, now });
      assert.deepEqual(caller?.scopes, ['applications:read', 'applications:write']);
      assert.deepEqual(
        [caller?.viewer.role, caller?.viewer.userId, caller?.viewer.email],
        ['recruiter', owner.id, `api token #${id}`],
      );
      const [listed] = await listApiTokens({ context: owner.context });
      assert.equal(listed?.lastUsedAt?.getTime(), now, 'last used, to the millisecond');

      // Through the same data layer as a person: the change is in the history and the audit log as the token.
      const applicationId = await applyTo({ database });
      const context = { ...owner.context, asViewer: caller!.viewer };
      const page = await listApplications({ filter: {}, context });
      assert.deepEqual(
        page.rows.map((r) => r.id),
        [applicationId],
      );
      assert.equal(await changeStatus({ id: applicationId, to: 'interview', context }), 'changed');
      const audit = await db
        .select({ actor: tables.auditLog.actorEmail, action: tables.auditLog.action })
        .from(tables.auditLog)
        .where(eq(tables.auditLog.applicationId, applicationId));
      assert.deepEqual(audit, [{ actor: `api token #${id}`, action: 'status_change' }]);
    });

    test('malformed, unknown or revoked tokens, and those of a disabled owner, resolve to nobody', async (t) => {
      const database = await freshDatabase(dialect, t);
      const owner = await teamAccount({ database, role: 'owner' });
      const other = await teamAccount({ database, role: 'owner' });
      const { id, token } = await createApiToken({ name: 'a', scopes: ['postings:read'], context: owner.context });
      const second = await createApiToken({ name: 'b', scopes: ['postings:read'], context: owner.context });
      const resolve = (authorization: string | null) => resolveApiToken({ database, authorization, now: Date.now() });
      for (const header of [null, '', token, `Basic ${token}`, `Bearer ${token}x`, `Bearer cpt_${'A'.repeat(43)}`]) {
        assert.equal(await resolve(header), null, String(header));
      }
      assert.ok(await resolve(`bearer ${token}`), 'the scheme is case-insensitive');
      await revokeApiToken({ id, context: other.context });
      assert.equal(await resolve(`Bearer ${token}`), null, 'revoked');
      await assert.rejects(revokeApiToken({ id, context: other.context }), /already revoked/);
      assert.ok(await resolve(`Bearer ${second.token}`));
      await setDisabled({ userId: owner.id, disabled: true, context: other.context });
      assert.equal(await resolve(`Bearer ${second.token}`), null, 'its owner disabled');
    });

    test('only owners make, list and revoke tokens; each is audited by id', async (t) => {
      const database = await freshDatabase(dialect, t);
      const recruiter = await teamAccount({ database, role: 'recruiter' });
      const owner = await teamAccount({ database, role: 'owner' });
      const input = { name: 'x', scopes: ['postings:read' as const] };
      await assert.rejects(createApiToken({ ...input, context: recruiter.context }), RoleRequiredError);
      await assert.rejects(listApiTokens({ context: recruiter.context }), RoleRequiredError);
      const { id } = await createApiToken({ ...input, context: owner.context });
      await assert.rejects(revokeApiToken({ id, context: recruiter.context }), RoleRequiredError);
      await revokeApiToken({ id, context: owner.context });
      const { db, t: tables } = database;
      const entries = await db
        .select({ action: tables.auditLog.action, detail: tables.auditLog.detail })
        .from(tables.auditLog)
        .where(eq(tables.auditLog.actorEmail, owner.email));
      assert.deepEqual(entries, [
        { action: 'api_token_created', detail: `token #${id}: postings:read` },
        { action: 'api_token_revoked', detail: `token #${id}` },
      ]);
    });
  });
}
