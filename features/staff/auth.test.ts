import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionCookieName, sessionIsLive, SESSION_IDLE_MS } from '@/lib/security/session-token';
import { hashToken, isWellFormedToken, newToken } from '@/lib/security/token';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { PAIR_POLICY, lockDurationMs, recordFailure, retryAfterSeconds } from './throttle';

describe('password hashing', () => {
  it('stores scrypt parameters with a random salt and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    assert.match(hash, /^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(hash, await hashPassword('correct horse battery'));
    assert.equal(await verifyPassword('correct horse battery', hash), true);
    assert.equal(await verifyPassword('correct horse batterY', hash), false);
    assert.equal(needsRehash(hash), false);
  });

  it('never matches a malformed hash and flags weaker parameters for rehash', async () => {
    assert.equal(await verifyPassword('x', 'plain-text'), false);
    assert.equal(await verifyPassword('x', 'scrypt$0$8$1$aa$bb'), false);
    const weak = await hashPassword('pw', { N: 1024, r: 8, p: 1 });
    assert.equal(await verifyPassword('pw', weak), true);
    assert.equal(needsRehash(weak), true);
  });
});

describe('session tokens', () => {
  it('are 32 random bytes, stored only as their SHA-256', () => {
    const token = newToken();
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    assert.ok(isWellFormedToken(token));
    assert.notEqual(token, newToken());
    assert.match(hashToken(token), /^[0-9a-f]{64}$/);
    assert.equal(isWellFormedToken('short'), false);
    assert.equal(isWellFormedToken(undefined), false);
  });

  it('expire when idle and at the absolute limit', () => {
    const now = Date.now();
    assert.ok(sessionIsLive({ lastSeenAt: new Date(now - 1000), expiresAt: new Date(now + 1000) }, now));
    assert.ok(
      !sessionIsLive({ lastSeenAt: new Date(now - SESSION_IDLE_MS - 1), expiresAt: new Date(now + 1000) }, now),
    );
    assert.ok(!sessionIsLive({ lastSeenAt: new Date(now), expiresAt: new Date(now) }, now));
  });

  it('use the __Host- prefix over https only', () => {
    assert.equal(sessionCookieName(true), '__Host-admin_session');
    assert.equal(sessionCookieName(false), 'admin_session');
  });
});

describe('sign-in throttling', () => {
  it('allows the free failures, then doubles the wait up to the cap', () => {
    const p = PAIR_POLICY;
    assert.equal(lockDurationMs(p.free - 1, p), 0);
    assert.equal(lockDurationMs(p.free, p), p.baseMs);
    assert.equal(lockDurationMs(p.free + 1, p), p.baseMs * 2);
    assert.equal(lockDurationMs(p.free + 100, p), p.maxMs);
  });

  it('counts failures, reports Retry-After seconds and forgets after a quiet period', () => {
    const p = PAIR_POLICY;
    let state;
    const t0 = 1_000_000;
    for (let i = 0; i < p.free; i++) state = recordFailure(state, t0, p);
    assert.equal(state!.failures, p.free);
    assert.equal(retryAfterSeconds(state, t0), p.baseMs / 1000);
    assert.equal(retryAfterSeconds(state, t0 + p.baseMs), 0);
    assert.equal(recordFailure(state, t0 + p.forgetAfterMs + 1, p).failures, 1);
  });
});
