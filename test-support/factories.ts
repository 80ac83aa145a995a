import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/database';
import { storeApplication, type NewApplication } from '@/features/apply/store';
import type { CandidateContext } from '@/features/candidate/context';
import { createCandidateSession } from '@/features/candidate/links';
import { emailKey } from '@/features/mail/email-key';
import type { ResumeStore } from '@/features/resumes/store';
import { newSession } from '@/features/staff/auth';
import { createAdminUser } from '@/features/staff/cli-accounts';
import { NotSignedInError, type AdminContext } from '@/features/staff/context';
import { hashPassword } from '@/features/staff/password';
import type { Role } from '@/lib/roles';

// The one set of factories for the data-layer tests: accounts and their sessions, applications, candidates'
// sessions. Each test names only what it is about; the rest is a plausible default.

export const PASSWORD = 'a long enough password';
// scrypt at its production cost takes a second on a busy machine: the one password is hashed once per process.
let passwordHash: Promise<string> | undefined;
/** The hash of PASSWORD, computed once per process: pass it as createAdminUser's `hash`. */
export const hashedOnce = () => (passwordHash ??= hashPassword(PASSWORD));

let counter = 0;

/** An application as the form would send it, with a small PDF; every call a new person unless told otherwise. */
export function newApplication(overrides: Partial<NewApplication> = {}): NewApplication {
  counter += 1;
  return {
    postingSlug: 'backend',
    postingTitle: 'Backend Engineer',
    fullName: `Person ${counter}`,
    email: `person${counter}@example.com`,
    consentAt: new Date(),
    resume: { fileName: 'cv.pdf', mediaType: 'application/pdf', bytes: Buffer.from(`%PDF-1.4 test ${counter}`) },
    ...overrides,
  };
}

/** Stores an application through the site's own path and returns its id; fails the test if it was not stored. */
export async function applyTo({
  database,
  store,
  ...overrides
}: Partial<NewApplication> & { database: Database; store?: ResumeStore }): Promise<number> {
  const result = await storeApplication({ application: newApplication(overrides), database, store });
  assert.equal(result.status, 'stored');
  return (result as { id: number }).id;
}

/**
 * A data-layer context whose session cookie holds `token` (read when the data layer asks, so a function may
 * name an account signed in later), with the rest as a page would have it unless `overrides` say otherwise.
 */
export function signedContext(
  database: Database,
  token: string | undefined | (() => string | undefined),
  overrides: Partial<AdminContext> = {},
): AdminContext {
  return {
    database,
    token: async () => (typeof token === 'function' ? token() : token),
    deny: () => {
      throw new NotSignedInError();
    },
    now: Date.now,
    ...overrides,
  };
}

/**
 * A session of an existing account, written as a sign-in writes it: the token its cookie would hold. Tests
 * about signing in call `signIn` itself; the others skip its scrypt, which costs a second on a busy machine.
 */
export async function sessionOf({
  database,
  email,
  now = Date.now(),
}: {
  database: Database;
  email: string;
  now?: number;
}): Promise<string> {
  const { db, t } = database;
  const [user] = await db
    .select({ id: t.adminUsers.id })
    .from(t.adminUsers)
    .where(eq(t.adminUsers.email, emailKey(email)));
  assert.ok(user, `no account ${email}`);
  const { token, row } = newSession({ userId: user.id, at: now });
  await db.insert(t.adminSessions).values(row);
  return token;
}

/** A team account, signed in: its id, its session's token and a context as a page would have it. */
export async function teamAccount({
  database,
  email = `member${++counter}@example.com`,
  role = 'owner',
  context = {},
}: {
  database: Database;
  email?: string;
  role?: Role;
  context?: Partial<AdminContext>;
}) {
  const user = await createAdminUser({
    database,
    email,
    password: PASSWORD,
    role,
    hash: hashedOnce,
  });
  const token = await sessionOf({ database, email });
  return { id: user.id, email, token, context: signedContext(database, token, context) };
}

/** A candidate signed in from their link: a context as their own page would have it. */
export async function candidateContext({
  database,
  emailKey,
  deny = () => {
    throw new Error('denied');
  },
  now = Date.now,
}: {
  database: Database;
  emailKey: string;
  deny?: () => never;
  now?: () => number;
}): Promise<CandidateContext & { token: () => Promise<string> }> {
  const { token } = await createCandidateSession({ database, emailKey });
  return { database, token: async () => token, deny, now };
}

/** An account and a session of its own on the database at `databaseUrl`: the cookie a browser would send. */
export async function adminCookie(databaseUrl: string): Promise<string> {
  const database = await openDatabase(databaseUrl);
  try {
    const { token } = await teamAccount({ database, email: `admin-${Date.now()}-${++counter}@example.com` });
    return `admin_session=${token}`;
  } finally {
    await database.close();
  }
}

/**
 * A team of signed-in accounts on the database `current()` returns (set in a `before`), known by address:
 * `account` makes one, `context` is a page's view as that account, with the content the test gives.
 */
export function teamOf(current: () => Database, content: Partial<AdminContext> = {}) {
  const tokens = new Map<string, string>();
  return {
    async account(email: string, role: Role) {
      const { id, token } = await teamAccount({ database: current(), email, role });
      tokens.set(email, token);
      return id;
    },
    context: (email: string, now: () => number = Date.now) =>
      signedContext(current(), () => tokens.get(email), { ...content, now }),
  };
}
