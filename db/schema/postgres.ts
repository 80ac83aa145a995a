import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
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

// The PostgreSQL twins of db/schema/sqlite.ts (where each table and column is explained): same names, same
// row shapes, PostgreSQL's own types. Search (a tsvector column with a GIN index) and the triggers that keep
// the counts are in the hand-written migration db/migrations/postgres/0001_search_and_counts.sql.

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const resumes = pgTable(
  'resumes',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    objectKey: text('object_key'),
    createdAt: time('created_at').notNull(),
  },
  (t) => [index('resumes_created_at').on(t.createdAt), index('resumes_object_key').on(t.objectKey)],
);

export const applications = pgTable(
  'applications',
  {
    id: id(),
    reference: text('reference').notNull().unique(),
    postingSlug: text('posting_slug').notNull(),
    postingTitle: text('posting_title').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    phone: text('phone'),
    location: text('location'),
    profileUrl: text('profile_url'),
    coverLetter: text('cover_letter'),
    answers: jsonb('answers').$type<Answer[]>(),
    consentAt: time('consent_at').notNull(),
    resumeId: text('resume_id')
      .notNull()
      .references(() => resumes.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('new'),
    decidedAt: time('decided_at'),
    erasedAt: time('erased_at'),
    createdAt: time('created_at')
      .notNull()
      .default(sql`now()`),
    assigneeId: integer('assignee_id').references(() => adminUsers.id),
    source: text('source'),
    sourceMedium: text('source_medium'),
    sourceCampaign: text('source_campaign'),
    referrer: text('referrer'),
    postingVersion: text('posting_version'),
  },
  (t) => [
    index('applications_assignee_id').on(t.assigneeId, t.id),
    index('applications_source_id').on(t.source, t.id),
    uniqueIndex('applications_posting_email_key').on(t.postingSlug, t.emailKey),
    index('applications_posting_id').on(t.postingSlug, t.id),
    index('applications_status_id').on(t.status, t.id),
    index('applications_posting_status_id').on(t.postingSlug, t.status, t.id),
    index('applications_created_at').on(t.createdAt),
    index('applications_decided_at').on(t.decidedAt),
  ],
);

export const applicationCounts = pgTable(
  'application_counts',
  {
    postingSlug: text('posting_slug').notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postingSlug, t.status] })],
);

/** The dashboard's numbers, kept by triggers: db/schema/sqlite.ts describes them. */
export const pipelineDays = pgTable(
  'pipeline_days',
  {
    day: integer('day').notNull(),
    postingSlug: text('posting_slug').notNull(),
    source: text('source').notNull(),
    stage: text('stage', { enum: PIPELINE_STAGES }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.postingSlug, t.source, t.stage] })],
);

export const pipelineDurations = pgTable(
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

export const adminUsers = pgTable('admin_users', {
  id: id(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  createdAt: time('created_at').notNull(),
  disabledAt: time('disabled_at'),
  lastSignInAt: time('last_sign_in_at'),
  role: text('role', { enum: ROLES }).notNull().default('owner'),
  totpSecret: text('totp_secret'),
  totpConfirmedAt: time('totp_confirmed_at'),
  totpLastStep: integer('totp_last_step'),
  webauthnHandle: text('webauthn_handle').unique(),
  oidcSubject: text('oidc_subject'),
});

export const adminSessions = pgTable(
  'admin_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: time('created_at').notNull(),
    lastSeenAt: time('last_seen_at').notNull(),
    expiresAt: time('expires_at').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    previousSignInAt: time('previous_sign_in_at'),
    // What the member sees in their list of sessions: the browser as it named itself (cut to 300 characters)
    // and the address it signed in from.
    userAgent: text('user_agent'),
    address: text('address'),
    signedInWith: text('signed_in_with'),
  },
  (t) => [index('admin_sessions_user').on(t.userId)],
);

/**
 * A one-time link to choose a new password, valid an hour: only the SHA-256 of its token is kept, and only
 * the newest of an account works. `requestedBy` is the owner who sent it, null when the member asked.
 */
export const adminPasswordResets = pgTable(
  'admin_password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    requestedBy: integer('requested_by').references(() => adminUsers.id, { onDelete: 'set null' }),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
    usedAt: time('used_at'),
  },
  (t) => [index('admin_password_resets_user').on(t.userId)],
);

export const adminRecoveryCodes = pgTable(
  'admin_recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: time('created_at').notNull(),
    usedAt: time('used_at'),
  },
  (t) => [index('admin_recovery_codes_user').on(t.userId)],
);

export const adminSignInChallenges = pgTable(
  'admin_sign_in_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
  },
  (t) => [index('admin_sign_in_challenges_user').on(t.userId)],
);

export const adminPasskeys = pgTable(
  'admin_passkeys',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    credentialId: text('credential_id').notNull().unique(),
    publicKey: text('public_key').notNull(),
    // WebAuthn's counter is 32 bits unsigned: above PostgreSQL's integer.
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: text('transports'),
    name: text('name').notNull(),
    backedUp: boolean('backed_up').notNull(),
    createdAt: time('created_at').notNull(),
    lastUsedAt: time('last_used_at'),
  },
  (t) => [index('admin_passkeys_user').on(t.userId)],
);

export const adminAuthFlows = pgTable(
  'admin_auth_flows',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', { enum: AUTH_FLOW_PURPOSES }).notNull(),
    userId: integer('user_id').references(() => adminUsers.id, { onDelete: 'cascade' }),
    data: text('data').notNull(),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
  },
  (t) => [index('admin_auth_flows_expires').on(t.expiresAt)],
);

export const teamSettings = pgTable('team_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: time('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => adminUsers.id, { onDelete: 'set null' }),
});

export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: time('last_failure_at').notNull(),
  lockedUntil: time('locked_until').notNull(),
});

export const statusChanges = pgTable(
  'status_changes',
  {
    id: id(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: APPLICATION_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: APPLICATION_STATUSES }).notNull(),
    changedBy: integer('changed_by').references(() => adminUsers.id),
    note: text('note'),
    changedAt: time('changed_at').notNull(),
  },
  (t) => [index('status_changes_application').on(t.applicationId, t.id)],
);

export const applicationNotes = pgTable(
  'application_notes',
  {
    id: id(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => adminUsers.id),
    body: text('body').notNull(),
    createdAt: time('created_at').notNull(),
  },
  (t) => [index('application_notes_application').on(t.applicationId, t.id)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: time('at').notNull(),
    actorEmail: text('actor_email').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    applicationId: integer('application_id'),
    detail: text('detail'),
  },
  (t) => [index('audit_log_application').on(t.applicationId), index('audit_log_actor_at').on(t.actorEmail, t.at)],
);

export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: time('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('rate_limits_window_start').on(t.windowStart)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    kind: text('kind', { enum: MAIL_KINDS }).notNull(),
    toAddress: text('to_address').notNull(),
    applicationId: integer('application_id'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: time('next_attempt_at').notNull(),
    claimedUntil: time('claimed_until'),
    lastError: text('last_error'),
    createdAt: time('created_at').notNull(),
    sentAt: time('sent_at'),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_application').on(t.applicationId)],
);

export const candidateLinks = pgTable(
  'candidate_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    emailKey: text('email_key').notNull(),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
  },
  (t) => [index('candidate_links_email').on(t.emailKey)],
);

export const candidateSessions = pgTable(
  'candidate_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    emailKey: text('email_key').notNull(),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
  },
  (t) => [index('candidate_sessions_email').on(t.emailKey)],
);

export const pendingJobs = pgTable('pending_jobs', {
  name: text('name').primaryKey(),
  requestedAt: time('requested_at').notNull(),
});

export const adminInvitations = pgTable(
  'admin_invitations',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    invitedBy: integer('invited_by')
      .notNull()
      .references(() => adminUsers.id),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
    acceptedAt: time('accepted_at'),
  },
  (t) => [index('admin_invitations_email').on(t.email)],
);

export const postingMembers = pgTable(
  'posting_members',
  {
    postingSlug: text('posting_slug').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id, { onDelete: 'cascade' }),
    addedAt: time('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postingSlug, t.userId] }), index('posting_members_user').on(t.userId)],
);

export const scorecards = pgTable(
  'scorecards',
  {
    id: id(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => adminUsers.id),
    ratings: jsonb('ratings').notNull().$type<AttributeRating[]>(),
    overall: integer('overall').$type<Overall>(),
    note: text('note'),
    submittedAt: time('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('scorecards_application_author').on(t.applicationId, t.authorId)],
);

export const postingVersions = pgTable(
  'posting_versions',
  {
    hash: text('hash').primaryKey(),
    postingSlug: text('posting_slug').notNull(),
    frontMatter: jsonb('front_matter').notNull().$type<Record<string, unknown>>(),
    body: text('body').notNull(),
    createdAt: time('created_at').notNull(),
  },
  (t) => [index('posting_versions_posting').on(t.postingSlug, t.createdAt)],
);

export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: id(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  events: jsonb('events').$type<string[]>().notNull(),
  secret: text('secret').notNull(),
  createdBy: integer('created_by').references(() => adminUsers.id),
  createdAt: time('created_at').notNull(),
  failingSince: time('failing_since'),
  pausedAt: time('paused_at'),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    deliveryId: text('delivery_id').notNull(),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    applicationId: integer('application_id'),
    body: text('body').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: time('next_attempt_at').notNull(),
    claimedUntil: time('claimed_until'),
    queuedAt: time('queued_at').notNull(),
    lastAttemptAt: time('last_attempt_at'),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    durationMs: integer('duration_ms'),
    createdAt: time('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_delivery_id').on(t.deliveryId),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint').on(t.endpointId, t.id),
    index('webhook_deliveries_created').on(t.createdAt),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => adminUsers.id),
    createdAt: time('created_at').notNull(),
    lastUsedAt: time('last_used_at'),
    revokedAt: time('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash)],
);

// ---- Job alerts ----

export const alertSubscriptions = pgTable(
  'alert_subscriptions',
  {
    id: id(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    category: text('category'),
    department: text('department'),
    location: text('location'),
    remoteOnly: boolean('remote_only').notNull().default(false),
    frequency: text('frequency', { enum: ALERT_FREQUENCIES }).notNull(),
    nonce: text('nonce').notNull(),
    createdAt: time('created_at').notNull(),
    confirmedAt: time('confirmed_at'),
    renewedAt: time('renewed_at').notNull(),
    lastDigestAt: time('last_digest_at'),
  },
  (t) => [
    index('alert_subscriptions_email').on(t.emailKey),
    index('alert_subscriptions_confirmed').on(t.frequency, t.confirmedAt),
    index('alert_subscriptions_created').on(t.createdAt),
  ],
);

export const postingAnnouncements = pgTable(
  'posting_announcements',
  {
    postingSlug: text('posting_slug').primaryKey(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    department: text('department'),
    location: text('location'),
    remote: boolean('remote').notNull(),
    announcedAt: time('announced_at').notNull(),
  },
  (t) => [index('posting_announcements_at').on(t.announcedAt)],
);

export const interviews = pgTable(
  'interviews',
  {
    id: id(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    uid: text('uid').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind', { enum: INTERVIEW_KINDS }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    location: text('location').notNull(),
    timeZone: text('time_zone').notNull(),
    candidateTimeZone: text('candidate_time_zone'),
    cutoffHours: integer('cutoff_hours').notNull(),
    status: text('status', { enum: INTERVIEW_STATUSES }).notNull().default('proposed'),
    startsAt: time('starts_at'),
    endsAt: time('ends_at'),
    sequence: integer('sequence').notNull().default(0),
    message: text('message'),
    remindedAt: time('reminded_at'),
    feedbackAskedAt: time('feedback_asked_at'),
    createdBy: integer('created_by').references(() => adminUsers.id),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [
    index('interviews_application').on(t.applicationId, t.id),
    index('interviews_status_starts').on(t.status, t.startsAt),
  ],
);

export const interviewSlots = pgTable(
  'interview_slots',
  {
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    startsAt: time('starts_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.startsAt] })],
);

export const interviewInterviewers = pgTable(
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

export const calendarFeeds = pgTable('calendar_feeds', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => adminUsers.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: time('created_at').notNull(),
  lastReadAt: time('last_read_at'),
});
