import { sql } from 'drizzle-orm';
import { blob, index, primaryKey, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Answer } from '@/features/apply/questions';
import { ALERT_FREQUENCIES } from '@/lib/alert-frequencies';
import { AUDIT_ACTIONS } from '@/lib/audit-actions';
import { AUTH_FLOW_PURPOSES } from '@/lib/auth-flows';
import { INTERVIEW_KINDS, INTERVIEW_STATUSES } from '@/lib/interview';
import { MAIL_KINDS } from '@/lib/mail-kinds';
import { ROLES } from '@/lib/roles';
import type { Overall, AttributeRating } from '@/lib/scorecard';
import { APPLICATION_STATUSES, DURATION_STAGES, PIPELINE_STAGES } from '@/lib/status';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@/lib/webhook-events';

// The SQLite tables. db/schema/postgres.ts holds their PostgreSQL twins, which infer rows of exactly the same
// shape (db/schema/same-shape.test.ts), so the data layer is written once for both.

/**
 * Resumes live in the database, next to their application, so one transaction stores both or neither; or,
 * with RESUME_STORAGE=s3, in object storage under `object_key`, with `data` left empty.
 */
export const resumes = sqliteTable(
  'resumes',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    objectKey: text('object_key'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // The hourly quota sums the sizes of the last hour's resumes; the storage sweep looks objects up by key.
  (t) => [index('resumes_created_at').on(t.createdAt), index('resumes_object_key').on(t.objectKey)],
);

export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(),
    postingSlug: text('posting_slug').notNull(),
    postingTitle: text('posting_title').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    // Lower-cased email: the key that stops the same person applying twice to one posting.
    emailKey: text('email_key').notNull(),
    phone: text('phone'),
    location: text('location'),
    profileUrl: text('profile_url'),
    coverLetter: text('cover_letter'),
    // Answers to the posting's own questions, with each question's label as asked (postings change later).
    answers: text('answers', { mode: 'json' }).$type<Answer[]>(),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }).notNull(),
    resumeId: text('resume_id')
      .notNull()
      .references(() => resumes.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('new'),
    // When the status became final (hired, rejected, withdrawn): retention counts from here.
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    // Erased at the candidate's request or at the end of retention: an anonymous stub from then on.
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    // The team member the application is assigned to, if any.
    assigneeId: integer('assignee_id').references(() => adminUsers.id),
    // Where the candidate came from (features/apply/source.ts): ?src= or utm_*, else the referring site.
    source: text('source'),
    sourceMedium: text('source_medium'),
    sourceCampaign: text('source_campaign'),
    referrer: text('referrer'),
    // The posting as the candidate read it (posting_versions.hash); null for applications from before versions.
    postingVersion: text('posting_version'),
  },
  (t) => [
    index('applications_assignee_id').on(t.assigneeId, t.id),
    index('applications_source_id').on(t.source, t.id),
    uniqueIndex('applications_posting_email_key').on(t.postingSlug, t.emailKey),
    index('applications_posting_id').on(t.postingSlug, t.id),
    index('applications_status_id').on(t.status, t.id),
    // Admin inbox: posting and status together, and date ranges turned into id ranges (ids grow with time).
    index('applications_posting_status_id').on(t.postingSlug, t.status, t.id),
    index('applications_created_at').on(t.createdAt),
    index('applications_decided_at').on(t.decidedAt),
  ],
);

/**
 * The dashboard's numbers, kept by triggers (migration 0011) as applications arrive and move: how many
 * applications received on each UTC day, per posting and source, got at most as far as each stage of the
 * pipeline. Read by day range, so a report costs the same at a million applications as at a thousand. No
 * personal data, and kept when an application is erased: hiring statistics outlive the candidates' details.
 */
export const pipelineDays = sqliteTable(
  'pipeline_days',
  {
    day: integer('day').notNull(),
    postingSlug: text('posting_slug').notNull(),
    // '' when the application named no source: part of the key, and NULLs are never equal in one.
    source: text('source').notNull(),
    stage: text('stage', { enum: PIPELINE_STAGES }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.postingSlug, t.source, t.stage] })],
);

/**
 * How long applications stayed in each stage (and took to a hire, as `hire`), as a histogram of quarter-powers
 * of two in minutes (features/dashboard/durations.ts), by the day the application was received and its posting.
 */
export const pipelineDurations = sqliteTable(
  'pipeline_durations',
  {
    day: integer('day').notNull(),
    postingSlug: text('posting_slug').notNull(),
    stage: text('stage', { enum: DURATION_STAGES }).notNull(),
    bucket: integer('bucket').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.postingSlug, t.stage, t.bucket] })],
);

// ---- Admin area: accounts, sessions, sign-in throttling, triage history and the audit log ----

/**
 * Applications per posting and status, kept exact by triggers (migration 0004): the inbox's counts read a
 * few dozen rows here instead of counting a million applications on every request.
 */
export const applicationCounts = sqliteTable(
  'application_counts',
  {
    postingSlug: text('posting_slug').notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postingSlug, t.status] })],
);

export const adminUsers = sqliteTable('admin_users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  // Stored lower-cased, so sign-in is case-insensitive and one person has one account.
  email: text('email').notNull().unique(),
  // `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later.
  passwordHash: text('password_hash').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
  // Accounts from before roles were owners: everyone could do everything then.
  role: text('role', { enum: ROLES }).notNull().default('owner'),
  // The authenticator app's secret, encrypted with the site's key (lib/security/secret-box.ts); confirmed once
  // the member typed a first code. The last time step accepted, so no code is accepted twice.
  totpSecret: text('totp_secret'),
  totpConfirmedAt: integer('totp_confirmed_at', { mode: 'timestamp_ms' }),
  totpLastStep: integer('totp_last_step'),
  // The random id passkeys know the account by (WebAuthn's user handle): not the email, not the row id.
  webauthnHandle: text('webauthn_handle').unique(),
  // The identity provider's person (`<issuer> <sub>`) the account was first signed in as: an address that
  // changes hands at the provider does not bring its new holder into this account.
  oidcSubject: text('oidc_subject'),
});

/** Only the SHA-256 of the cookie token is stored: a copy of the database signs nobody in. */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    // Failed sign-ins to this account between the previous sign-in and this one, shown to the admin.
    failedAttempts: integer('failed_attempts').notNull().default(0),
    previousSignInAt: integer('previous_sign_in_at', { mode: 'timestamp_ms' }),
    // What the member sees in their list of sessions: the browser as it named itself (cut to 300 characters)
    // and the address it signed in from.
    userAgent: text('user_agent'),
    address: text('address'),
    // What proved the member after (or instead of) the password: `authenticator app`, `a passkey`, `single
    // sign-on`…; null for the password alone. A session of the identity provider's meets the team's
    // requirement of a second factor: the provider is trusted to have asked for its own.
    signedInWith: text('signed_in_with'),
  },
  (t) => [index('admin_sessions_user').on(t.userId)],
);

/**
 * A one-time link to choose a new password, valid an hour: only the SHA-256 of its token is kept, and only
 * the newest of an account works. `requestedBy` is the owner who sent it, null when the member asked.
 */
export const adminPasswordResets = sqliteTable(
  'admin_password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    requestedBy: integer('requested_by').references(() => adminUsers.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('admin_password_resets_user').on(t.userId)],
);

/** Ten one-time codes per member for when the authenticator app is lost: only their SHA-256 is kept. */
export const adminRecoveryCodes = sqliteTable(
  'admin_recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('admin_recovery_codes_user').on(t.userId)],
);

/**
 * A sign-in halfway: the password was right, the second factor is still to come. Its token (a cookie for a
 * few minutes) is stored as its SHA-256; the session is made only when the code is.
 */
export const adminSignInChallenges = sqliteTable(
  'admin_sign_in_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('admin_sign_in_challenges_user').on(t.userId)],
);

/**
 * Passkeys (WebAuthn credentials) a member registered: the public key and the signature counter the
 * authenticator last reported; the name the member gave it. Used as a second factor or instead of a password.
 */
export const adminPasskeys = sqliteTable(
  'admin_passkeys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    // base64url, as the browser sends it.
    credentialId: text('credential_id').notNull().unique(),
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull(),
    // JSON array of the authenticator's transports ("internal", "usb", "hybrid"…), a hint for the next sign-in.
    transports: text('transports'),
    name: text('name').notNull(),
    // Whether the passkey is synced across devices (a password manager's) or bound to one.
    backedUp: integer('backed_up', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('admin_passkeys_user').on(t.userId)],
);

/**
 * A sign-in step that waits for the browser to come back: a passkey's challenge, or the state, nonce and PKCE
 * verifier of an OpenID Connect sign-in. The browser holds the token (a cookie); each flow is taken once, by
 * one DELETE … RETURNING, so a replayed answer finds nothing. `data` is JSON sealed with the site's key.
 */
export const adminAuthFlows = sqliteTable(
  'admin_auth_flows',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', { enum: AUTH_FLOW_PURPOSES }).notNull(),
    // The member, when the flow is for one (a passkey being added, a passkey as second factor).
    userId: integer('user_id').references(() => adminUsers.id, { onDelete: 'cascade' }),
    data: text('data').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('admin_auth_flows_expires').on(t.expiresAt)],
);

/** The team's own rules, set by an owner (`second_factor_required`: `yes`). */
export const teamSettings = sqliteTable('team_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  updatedBy: integer('updated_by').references(() => adminUsers.id, { onDelete: 'set null' }),
});

/** Failed sign-ins per key (`address:<ip>` or `pair:<email>|<ip>`), for exponential back-off. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }).notNull(),
});

export const statusChanges = sqliteTable(
  'status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: APPLICATION_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: APPLICATION_STATUSES }).notNull(),
    // Null when the candidate made the change (withdrew).
    changedBy: integer('changed_by').references(() => adminUsers.id),
    note: text('note'),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('status_changes_application').on(t.applicationId, t.id)],
);

export const applicationNotes = sqliteTable(
  'application_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => adminUsers.id),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('application_notes_application').on(t.applicationId, t.id)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    // The email is kept as written at the time, so the log still reads right if an account goes away.
    actorEmail: text('actor_email').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    applicationId: integer('application_id'),
    detail: text('detail'),
  },
  (t) => [index('audit_log_application').on(t.applicationId), index('audit_log_actor_at').on(t.actorEmail, t.at)],
);

/** Requests per key (`apply:<address>`) in a fixed window, shared by every instance of the site. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('rate_limits_window_start').on(t.windowStart)],
);

/**
 * Every email the site sends, written in the same transaction as what it is about; the worker delivers it
 * with retries (features/mail/deliver.ts). `data` holds what the template needs and is cleared once the email is sent.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: MAIL_KINDS }).notNull(),
    toAddress: text('to_address').notNull(),
    applicationId: integer('application_id'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_application').on(t.applicationId)],
);

/** A candidate's private link: only the SHA-256 of its token is kept. It opens every application of the address. */
export const candidateLinks = sqliteTable(
  'candidate_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    emailKey: text('email_key').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('candidate_links_email').on(t.emailKey)],
);

/** A candidate signed in from their link, for a few hours, to the applications of one address. */
export const candidateSessions = sqliteTable(
  'candidate_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    emailKey: text('email_key').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('candidate_sessions_email').on(t.emailKey)],
);

/** Work the worker owes (`search-index` after an erasure): one row per job, asked for by any instance. */
export const pendingJobs = sqliteTable('pending_jobs', {
  name: text('name').primaryKey(),
  requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
});

// ---- The hiring team's desk: invitations, posting teams, scorecards, posting versions ----

/** A one-time link to join the team with a role: only the SHA-256 of its token is kept. */
export const adminInvitations = sqliteTable(
  'admin_invitations',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    invitedBy: integer('invited_by')
      .notNull()
      .references(() => adminUsers.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('admin_invitations_email').on(t.email)],
);

/** Team members put on a posting from the admin (front matter `hiringTeam:` adds more, read from the content). */
export const postingMembers = sqliteTable(
  'posting_members',
  {
    postingSlug: text('posting_slug').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postingSlug, t.userId] }), index('posting_members_user').on(t.userId)],
);

/** One team member's ratings of one application; others see it only once they have submitted theirs. */
export const scorecards = sqliteTable(
  'scorecards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => adminUsers.id),
    ratings: text('ratings', { mode: 'json' }).notNull().$type<AttributeRating[]>(),
    // 1–4 (Strong no … Strong yes), or null for "no decision".
    overall: integer('overall').$type<Overall>(),
    note: text('note'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('scorecards_application_author').on(t.applicationId, t.authorId)],
);

/** A posting as a candidate read it, stored once per content hash. */
export const postingVersions = sqliteTable(
  'posting_versions',
  {
    hash: text('hash').primaryKey(),
    postingSlug: text('posting_slug').notNull(),
    frontMatter: text('front_matter', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('posting_versions_posting').on(t.postingSlug, t.createdAt)],
);

/**
 * Where the site posts its events (features/webhooks/). The secret signs every delivery, so it is kept as
 * given (an HMAC needs it, a hash would not do); the admin shows it once. `failing_since` is the first failed
 * try since the last success: a day of failures pauses the endpoint.
 */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
  secret: text('secret').notNull(),
  createdBy: integer('created_by').references(() => adminUsers.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  failingSince: integer('failing_since', { mode: 'timestamp_ms' }),
  pausedAt: integer('paused_at', { mode: 'timestamp_ms' }),
});

/**
 * One event for one endpoint, written in the event's transaction; the worker posts it with retries. `body` is
 * the exact JSON sent, so every try carries the same bytes; it holds ids, statuses and posting titles, never
 * a candidate's name or address. `delivery_id` is the receiver's key for deduplication.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: text('delivery_id').notNull(),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    applicationId: integer('application_id'),
    body: text('body').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    // When the current run of tries began: the delivery is given up a day after (reset by "send again").
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }).notNull(),
    lastAttemptAt: integer('last_attempt_at', { mode: 'timestamp_ms' }),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    durationMs: integer('duration_ms'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_delivery_id').on(t.deliveryId),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint').on(t.endpointId, t.id),
    index('webhook_deliveries_created').on(t.createdAt),
  ],
);

/**
 * A token for /api/v1: only the SHA-256 of the secret is kept (shown once), with its first characters to tell
 * tokens apart. It acts for the owner who made it, within its scopes, while that account is enabled.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => adminUsers.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash)],
);

// ---- Job alerts ----

/**
 * A job alert: postings that open and match its filters (null: any) are emailed to the address, one by one or
 * in a weekly digest. It counts once confirmed by a click (double opt-in) and lives ALERTS_RETENTION_DAYS after
 * its last renewal. Its links carry a token made from `nonce` and APP_SECRET (features/alerts/tokens.ts), so no
 * token is stored; a new nonce voids every link sent before.
 */
export const alertSubscriptions = sqliteTable(
  'alert_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    category: text('category'),
    department: text('department'),
    location: text('location'),
    remoteOnly: integer('remote_only', { mode: 'boolean' }).notNull().default(false),
    frequency: text('frequency', { enum: ALERT_FREQUENCIES }).notNull(),
    nonce: text('nonce').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    renewedAt: integer('renewed_at', { mode: 'timestamp_ms' }).notNull(),
    lastDigestAt: integer('last_digest_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('alert_subscriptions_email').on(t.emailKey),
    index('alert_subscriptions_confirmed').on(t.frequency, t.confirmedAt),
    index('alert_subscriptions_created').on(t.createdAt),
  ],
);

/**
 * Each posting announced to the alerts, once ever: the instance whose insert lands announces it, in the same
 * transaction as the emails it queues; a redeploy, a restart or a second instance finds the row and does not.
 * What the weekly digest needs of the posting is kept with it.
 */
export const postingAnnouncements = sqliteTable(
  'posting_announcements',
  {
    postingSlug: text('posting_slug').primaryKey(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    department: text('department'),
    location: text('location'),
    remote: integer('remote', { mode: 'boolean' }).notNull(),
    announcedAt: integer('announced_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('posting_announcements_at').on(t.announcedAt)],
);

// ---- Interviews ----

/**
 * An interview the team proposes on an application: the candidate picks one of the offered times
 * (interview_slots) from their private page, or the team sets one. `starts_at`/`ends_at` are the booked time
 * (null while proposed). `uid` and `sequence` are the calendar event's (RFC 5545): one UID for its whole life,
 * the sequence raised by each change, so every calendar program updates the same event.
 */
export const interviews = sqliteTable(
  'interviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    uid: text('uid').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind', { enum: INTERVIEW_KINDS }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    // The video link, the address or the phone arrangement.
    location: text('location').notNull(),
    // The zone the team proposed in: the candidate's default, and the team's emails'.
    timeZone: text('time_zone').notNull(),
    // The zone the candidate chose the time in: their emails show it.
    candidateTimeZone: text('candidate_time_zone'),
    // The candidate may change or cancel up to this many hours before the interview.
    cutoffHours: integer('cutoff_hours').notNull(),
    status: text('status', { enum: INTERVIEW_STATUSES }).notNull().default('proposed'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
    sequence: integer('sequence').notNull().default(0),
    // The team's last words on a change or a cancellation, passed on to the candidate.
    message: text('message'),
    // When the day-before reminders were queued, and when the interviewers were asked for their scorecards:
    // each once (features/interviews/follow-ups.ts); a move clears both.
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    feedbackAskedAt: integer('feedback_asked_at', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by').references(() => adminUsers.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('interviews_application').on(t.applicationId, t.id),
    index('interviews_status_starts').on(t.status, t.startsAt),
  ],
);

/** The times offered for an interview (its start; the interview's duration gives the end). */
export const interviewSlots = sqliteTable(
  'interview_slots',
  {
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.startsAt] })],
);

/** Who interviews: people who could open the application when it was proposed. */
export const interviewInterviewers = sqliteTable(
  'interview_interviewers',
  {
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.userId] }), index('interview_interviewers_user').on(t.userId)],
);

/**
 * A team member's private calendar feed of their interviews (an .ics URL calendar programs subscribe to): only
 * the SHA-256 of its token is kept; a new one replaces it, removing it revokes the URL.
 */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastReadAt: integer('last_read_at', { mode: 'timestamp_ms' }),
  },
  // A table-level key: a column-level INTEGER PRIMARY KEY would be SQLite's row id, optional on insert.
  (t) => [primaryKey({ columns: [t.userId] })],
);
