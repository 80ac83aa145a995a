import 'server-only';
import crypto from 'node:crypto';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/database';
import { isUniqueViolation } from '@/db/dialect';
import { all, one, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { startFlow, takeFlow } from '@/features/staff/auth-flows';
import { authorize, type AdminContext, type Viewer } from '@/features/staff/context';
import { confirmOwnPassword, type PasswordCheck } from '@/features/staff/passwords';
import { afterFactorRemoved, replaceRecoveryCodes } from '@/features/two-factor/app';
import { signInChanged } from '@/features/two-factor/notice';
import { secondFactorRequired } from '@/features/two-factor/requirement';
import { factorsOf } from './held';
import { relyingParty } from './relying-party';
import { passkeyNameSchema } from './schemas';

// A member's passkeys: added after the password (a session left open must not be enough to plant a way in),
// named, renamed and removed. Each is a second factor after the password, and, being a key that only signs
// for this site and asks for the device's PIN or fingerprint, a way in on its own (features/passkeys/sign-in.ts).

/** How long the browser has to answer a ceremony: WebAuthn's own timeout, and the flow's life. */
export const CEREMONY_MS = 5 * 60 * 1000;
/** More than anyone needs; the list stays short and the excluded-credentials list small. */
export const PASSKEY_LIMIT = 20;

export type OwnPasskey = {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** Synced (a password manager's, a phone's cloud keychain) or bound to one device. */
  backedUp: boolean;
};

export async function listOwnPasskeys(context?: AdminContext): Promise<OwnPasskey[]> {
  const { database, viewer } = await authorize(context, { enrolling: true });
  const { db, t } = database;
  return db
    .select({
      id: t.adminPasskeys.id,
      name: t.adminPasskeys.name,
      createdAt: t.adminPasskeys.createdAt,
      lastUsedAt: t.adminPasskeys.lastUsedAt,
      backedUp: t.adminPasskeys.backedUp,
    })
    .from(t.adminPasskeys)
    .where(eq(t.adminPasskeys.userId, viewer.userId))
    .orderBy(asc(t.adminPasskeys.createdAt), asc(t.adminPasskeys.id));
}

/** The account's WebAuthn user handle, made at its first passkey: random, so it tells an authenticator nothing. */
async function userHandle(database: Database, userId: number): Promise<string> {
  const { db, t } = database;
  await db
    .update(t.adminUsers)
    .set({ webauthnHandle: crypto.randomBytes(32).toString('base64url') })
    .where(and(eq(t.adminUsers.id, userId), isNull(t.adminUsers.webauthnHandle)));
  const [row] = await db
    .select({ handle: t.adminUsers.webauthnHandle })
    .from(t.adminUsers)
    .where(eq(t.adminUsers.id, userId));
  return row!.handle!;
}

export const transportsOf = (stored: string | null) =>
  stored ? (JSON.parse(stored) as AuthenticatorTransportFuture[]) : undefined;

type Refused =
  | Exclude<PasswordCheck, { status: 'ok' }>
  | { status: 'unavailable' }
  | { status: 'name'; message: string }
  | { status: 'too-many' };

/**
 * The first half of adding a passkey: the name and the password checked, then the options for the browser's
 * `navigator.credentials.create()` and a flow whose token the browser keeps (a cookie) for the second half.
 */
export async function beginPasskeyAdd({
  name,
  password,
  address,
  context,
}: {
  name: string;
  password: string;
  address: string;
  context?: AdminContext;
}): Promise<
  { status: 'ok'; options: PublicKeyCredentialCreationOptionsJSON; token: string; expiresAt: Date } | Refused
> {
  const { database, viewer, now } = await authorize(context, { enrolling: true });
  const { db, t } = database;
  const rp = relyingParty();
  if (!rp) return { status: 'unavailable' };
  const named = passkeyNameSchema.safeParse(name);
  if (!named.success) return { status: 'name', message: named.error.issues[0]!.message };
  const existing = await db
    .select({ id: t.adminPasskeys.credentialId, transports: t.adminPasskeys.transports })
    .from(t.adminPasskeys)
    .where(eq(t.adminPasskeys.userId, viewer.userId));
  if (existing.length >= PASSKEY_LIMIT) return { status: 'too-many' };
  const check = await confirmOwnPassword({ database, viewer, password, address, now });
  if (check.status !== 'ok') return check;
  const handle = await userHandle(database, viewer.userId);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: viewer.email,
    userDisplayName: viewer.email,
    userID: Buffer.from(handle, 'base64url'),
    attestationType: 'none',
    // The same authenticator twice would be one key under two names.
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: transportsOf(c.transports) })),
    // A discoverable credential, so it can sign in without the email typed first.
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    timeout: CEREMONY_MS,
  });
  const data = { challenge: options.challenge, name: named.data };
  const flow = await startFlow({
    database,
    purpose: 'passkey-add',
    userId: viewer.userId,
    data,
    ttlMs: CEREMONY_MS,
    at: now(),
  });
  return { status: 'ok', options, ...flow };
}

export type AddResult =
  { status: 'ok'; codes: string[] | null } | { status: 'expired' } | { status: 'failed' } | { status: 'duplicate' };

/**
 * The second half: the browser's answer checked against the flow's challenge, this site's origin and ID. The
 * first second factor of an account brings ten recovery codes, returned to be shown once.
 */
export async function finishPasskeyAdd({
  token,
  response,
  context,
}: {
  token: string | undefined;
  response: RegistrationResponseJSON;
  context?: AdminContext;
}): Promise<AddResult> {
  const { database, viewer, now: clock } = await authorize(context, { enrolling: true });
  const { t } = database;
  const at = clock();
  const flow = await takeFlow<{ challenge: string; name: string }>({ database, purpose: 'passkey-add', token, at });
  const rp = relyingParty();
  if (!flow || flow.userId !== viewer.userId || !rp) return { status: 'expired' };
  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge: flow.data.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verified?.verified) return { status: 'failed' };
  const { credential, credentialBackedUp } = verified.registrationInfo;
  try {
    return await transaction(database, function* (tx) {
      yield* run(
        tx.insert(t.adminPasskeys).values({
          userId: viewer.userId,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          counter: credential.counter,
          transports: credential.transports?.length ? JSON.stringify(credential.transports) : null,
          name: flow.data.name,
          backedUp: credentialBackedUp,
          createdAt: new Date(at),
        }),
      );
      const codes = yield* firstFactorCodes(database, tx, viewer, at);
      const entry = { actorEmail: viewer.email, action: 'second_factor_added' as const, detail: 'passkey' };
      yield* run(auditEntry({ db: tx, t, entry, now: at }));
      yield* signInChanged({ database, tx, email: viewer.email, change: 'passkey_added', now: at });
      return { status: 'ok' as const, codes };
    });
  } catch (error) {
    if (isUniqueViolation(error, { name: 'admin_passkeys_credential_id_unique', column: 'credential_id' }))
      return { status: 'duplicate' };
    throw error;
  }
}

/** Recovery codes come with an account's first second factor, whichever it is; null when it had them already. */
function* firstFactorCodes(
  database: Database,
  tx: Parameters<typeof replaceRecoveryCodes>[1],
  viewer: Viewer,
  at: number,
) {
  const { t } = database;
  const held = yield* one(
    tx.select({ n: count() }).from(t.adminRecoveryCodes).where(eq(t.adminRecoveryCodes.userId, viewer.userId)),
  );
  if (Number(held?.n ?? 0) > 0) return null;
  return yield* replaceRecoveryCodes(database, tx, viewer.userId, at);
}

export async function renamePasskey({
  id,
  name,
  context,
}: {
  id: number;
  name: string;
  context?: AdminContext;
}): Promise<{ status: 'ok' } | { status: 'name'; message: string } | { status: 'gone' }> {
  const { database, viewer } = await authorize(context, { enrolling: true });
  const { db, t } = database;
  const named = passkeyNameSchema.safeParse(name);
  if (!named.success) return { status: 'name', message: named.error.issues[0]!.message };
  const renamed = await db
    .update(t.adminPasskeys)
    .set({ name: named.data })
    .where(and(eq(t.adminPasskeys.id, id), eq(t.adminPasskeys.userId, viewer.userId)))
    .returning({ id: t.adminPasskeys.id });
  return renamed.length ? { status: 'ok' } : { status: 'gone' };
}

/**
 * Removes one of the member's passkeys, after the password. The last second factor of a member the team
 * requires one of stays; when none is left, the recovery codes go too (they recover a second factor).
 */
export async function removePasskey({
  id,
  password,
  address,
  context,
}: {
  id: number;
  password: string;
  address: string;
  context?: AdminContext;
}): Promise<{ status: 'ok' } | { status: 'gone' } | { status: 'required' } | Exclude<PasswordCheck, { status: 'ok' }>> {
  const { database, viewer, now } = await authorize(context, { enrolling: true });
  const { db, t } = database;
  const [mine] = await db
    .select({ id: t.adminPasskeys.id })
    .from(t.adminPasskeys)
    .where(and(eq(t.adminPasskeys.id, id), eq(t.adminPasskeys.userId, viewer.userId)));
  if (!mine) return { status: 'gone' };
  const required = await secondFactorRequired(database);
  if (required && (await factorsOf(database, viewer.userId)) <= 1) return { status: 'required' };
  const check = await confirmOwnPassword({ database, viewer, password, address, now });
  if (check.status !== 'ok') return check;
  const at = now();
  // Thrown to roll the removal back (the generator's transaction undoes everything on a throw).
  class LastFactor extends Error {}
  return transaction(database, function* (tx) {
    const removed = yield* all(
      tx
        .delete(t.adminPasskeys)
        .where(and(eq(t.adminPasskeys.id, id), eq(t.adminPasskeys.userId, viewer.userId)))
        .returning({ id: t.adminPasskeys.id }),
    );
    if (!removed.length) return { status: 'gone' as const };
    // Checked again here: two removals at once must not both pass the check above and leave none.
    if ((yield* afterFactorRemoved(database, tx, viewer.userId)) === 0 && required) throw new LastFactor();
    const entry = { actorEmail: viewer.email, action: 'second_factor_removed' as const, detail: 'passkey' };
    yield* run(auditEntry({ db: tx, t, entry, now: at }));
    yield* signInChanged({ database, tx, email: viewer.email, change: 'passkey_removed', now: at });
    return { status: 'ok' as const };
  }).catch((error: unknown) => {
    if (error instanceof LastFactor) return { status: 'required' as const };
    throw error;
  });
}
