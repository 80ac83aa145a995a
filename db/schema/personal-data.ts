import type * as schema from './postgres';

// Which columns hold personal data, whose it is, and what erasure does to each: declared once, beside the
// tables. Erasure (features/privacy/erasure.ts) writes the stub from it, the candidate's download (features/candidate/export.ts)
// and the team's CSV export (features/inbox/export.ts) choose their fields from it, and
// db/schema/personal-data.test.ts fails when a table or column is added without being classified here.

type Tables = typeof schema;
type Row<T extends keyof Tables> = Tables[T]['$inferSelect'];

/** Whose data it is: the candidate's, a team member's, or whoever sent a request (a network address). */
export type Subject = 'candidate' | 'team' | 'client';

/**
 * What erasing a candidate does: `set` overwrites the column in the stub row that stays; `row` deletes the
 * row with the person; `kept` leaves it (team members' own data is not the candidate's to erase).
 */
export type Erasure = { set: (id: number) => unknown } | 'row' | 'kept';

export type Classified =
  | { personal: false }
  | {
      personal: true;
      of: Subject;
      erasure: Erasure;
      /** Where the column is handed out (download, CSV): the field's name there and its label. */
      shown?: { key: string; label: string };
      /** How long it lives when erasure keeps it, for the privacy notice and the next reader. */
      why?: string;
    };

const no: Classified = { personal: false };
const blank = (value: unknown = null): Erasure => ({ set: () => value });
const candidate = (erasure: Erasure, shown?: { key: string; label: string }): Classified => ({
  personal: true,
  of: 'candidate',
  erasure,
  shown,
});
const shown = (key: string, label: string) => ({ key, label });
const team = (why: string): Classified => ({ personal: true, of: 'team', erasure: 'kept', why });

type Declaration = { [T in keyof Tables]: { [C in keyof Row<T>]-?: Classified } };

export const PERSONAL_DATA = {
  applications: {
    id: no,
    reference: no,
    postingSlug: no,
    postingTitle: no,
    fullName: candidate({ set: () => 'Erased applicant' }, shown('fullName', 'Full name')),
    email: candidate({ set: (id) => `erased-${id}@erased.invalid` }, shown('email', 'Email')),
    emailKey: candidate({ set: (id) => `erased:${id}` }),
    phone: candidate(blank(), shown('phone', 'Phone')),
    location: candidate(blank(), shown('location', 'Location')),
    profileUrl: candidate(blank(), shown('profileUrl', 'Profile URL')),
    coverLetter: candidate(blank(), shown('coverLetter', 'Cover letter')),
    // Shown as one column per question in the CSV, as a list in the download.
    answers: candidate(blank(), shown('answers', 'Answers')),
    consentAt: no,
    resumeId: no,
    status: no,
    decidedAt: no,
    erasedAt: no,
    createdAt: no,
    assigneeId: no,
    // Where they came from can name them too (a personal site as the referrer, a campaign made for them).
    source: candidate(blank(), shown('source', 'Source')),
    sourceMedium: candidate(blank(), shown('sourceMedium', 'Medium')),
    sourceCampaign: candidate(blank(), shown('sourceCampaign', 'Campaign')),
    referrer: candidate(blank(), shown('referringSite', 'Referring site')),
    postingVersion: no,
  },
  resumes: {
    id: no,
    fileName: candidate({ set: () => 'erased' }),
    mediaType: no,
    size: candidate(blank(0)),
    // A file's hash confirms a guessed file: it goes with the bytes.
    sha256: candidate(blank('')),
    data: candidate(blank(Buffer.alloc(0))),
    // The object itself is deleted, every version of it, once the transaction commits.
    objectKey: candidate(blank()),
    createdAt: no,
  },
  statusChanges: {
    id: no,
    applicationId: no,
    fromStatus: no,
    toStatus: no,
    changedBy: no,
    // The candidate's reason for withdrawing, or the team's words about them.
    note: candidate(blank()),
    changedAt: no,
  },
  applicationNotes: {
    id: no,
    applicationId: no,
    authorId: no,
    body: candidate('row'),
    createdAt: no,
  },
  scorecards: {
    id: no,
    applicationId: no,
    authorId: no,
    ratings: candidate('row'),
    overall: candidate('row'),
    note: candidate('row'),
    submittedAt: no,
  },
  outbox: {
    id: no,
    kind: no,
    toAddress: candidate({ set: () => 'erased' }),
    applicationId: no,
    // What the template needed (names, the message); cleared as soon as an email is sent, too.
    data: candidate(blank()),
    status: no,
    attempts: no,
    nextAttemptAt: no,
    claimedUntil: no,
    // A mail server's refusal often quotes the address (recorded with addresses masked, and cleared here).
    lastError: candidate(blank()),
    createdAt: no,
    sentAt: no,
  },
  candidateLinks: { tokenHash: no, emailKey: candidate('row'), createdAt: no, expiresAt: no },
  candidateSessions: { tokenHash: no, emailKey: candidate('row'), createdAt: no, expiresAt: no },
  rateLimits: {
    // `access-mailbox:<keyed hash of the address>` goes with the person; `apply:<ip>` and `access:<ip>`
    // windows are forgotten within two windows (minutes to an hour).
    key: { personal: true, of: 'client', erasure: 'row', why: 'a window of an hour at most' },
    windowStart: no,
    count: no,
  },
  loginThrottle: {
    key: {
      personal: true,
      of: 'client',
      erasure: 'kept',
      why: 'a team sign-in address and a network address, kept while the back-off lasts',
    },
    failures: no,
    lastFailureAt: no,
    lockedUntil: no,
  },
  auditLog: {
    id: no,
    at: no,
    actorEmail: team('who did what, for accountability: a team member, or `candidate` / `retention`'),
    action: no,
    // Ids, statuses and counts only: never a name, an address or a search term (features/audit/log.ts).
    applicationId: no,
    detail: no,
  },
  adminUsers: {
    id: no,
    email: team('the account itself; disabled, never deleted, so the audit log still reads right'),
    passwordHash: no,
    createdAt: no,
    disabledAt: no,
    lastSignInAt: no,
    role: no,
    totpSecret: no,
    totpConfirmedAt: no,
    totpLastStep: no,
    webauthnHandle: no,
    oidcSubject: team('who the member is at the identity provider; kept with the account'),
  },
  adminRecoveryCodes: { codeHash: no, userId: no, createdAt: no, usedAt: no },
  adminSignInChallenges: { tokenHash: no, userId: no, createdAt: no, expiresAt: no },
  adminPasskeys: {
    id: no,
    userId: no,
    credentialId: no,
    publicKey: no,
    counter: no,
    transports: no,
    name: team('the member’s own list of passkeys; deleted with the passkey or the account'),
    backedUp: no,
    createdAt: no,
    lastUsedAt: no,
  },
  // Sealed state of a sign-in in progress: the email an identity provider vouched for stays out of it.
  adminAuthFlows: { tokenHash: no, purpose: no, userId: no, data: no, createdAt: no, expiresAt: no },
  teamSettings: { key: no, value: no, updatedAt: no, updatedBy: no },
  adminSessions: {
    tokenHash: no,
    userId: no,
    createdAt: no,
    lastSeenAt: no,
    expiresAt: no,
    failedAttempts: no,
    previousSignInAt: no,
    userAgent: team('the member’s own list of sessions; deleted with the session (sign-out, expiry, password change)'),
    address: team('the member’s own list of sessions; deleted with the session (sign-out, expiry, password change)'),
    signedInWith: no,
  },
  adminPasswordResets: {
    tokenHash: no,
    userId: no,
    requestedBy: no,
    createdAt: no,
    expiresAt: no,
    usedAt: no,
  },
  adminInvitations: {
    tokenHash: no,
    email: team('the colleague invited, until the invitation is accepted, revoked or expires'),
    role: no,
    invitedBy: no,
    createdAt: no,
    expiresAt: no,
    acceptedAt: no,
  },
  applicationCounts: { postingSlug: no, status: no, count: no },
  // Counts by day, posting, source and stage, and histograms of durations: no one can be told apart in them. An
  // erased application's count moves to the unknown source (features/dashboard/forget-source.ts), so a source
  // naming a person (a personal site's host) goes with them.
  pipelineDays: { day: no, postingSlug: no, source: no, stage: no, count: no },
  pipelineDurations: { day: no, postingSlug: no, stage: no, bucket: no, count: no },
  pendingJobs: { name: no, requestedAt: no },
  postingMembers: { postingSlug: no, userId: no, addedAt: no },
  postingVersions: { hash: no, postingSlug: no, frontMatter: no, body: no, createdAt: no },
  // A company's own integrations: the URL and secret are its systems', not a person's.
  webhookEndpoints: {
    id: no,
    url: no,
    description: no,
    events: no,
    secret: no,
    createdBy: no,
    createdAt: no,
    failingSince: no,
    pausedAt: no,
  },
  webhookDeliveries: {
    id: no,
    deliveryId: no,
    endpointId: no,
    event: no,
    applicationId: no,
    // Ids, statuses and the posting's title only (features/webhooks/payloads.ts), by design: a receiver that
    // needs more asks the API, so nothing here needs erasing.
    body: no,
    status: no,
    attempts: no,
    nextAttemptAt: no,
    claimedUntil: no,
    queuedAt: no,
    lastAttemptAt: no,
    responseStatus: no,
    // The receiver's answer, cut short: the company's own system speaking.
    lastError: no,
    durationMs: no,
    createdAt: no,
  },
  apiTokens: {
    id: no,
    name: no,
    tokenHash: no,
    prefix: no,
    scopes: no,
    createdBy: no,
    createdAt: no,
    lastUsedAt: no,
    revokedAt: no,
  },
  // A job alert is the candidate's (features/alerts): in their download, gone with them, and gone by itself
  // unconfirmed after a few days or ALERTS_RETENTION_DAYS after its last renewal.
  alertSubscriptions: {
    id: no,
    email: candidate('row', shown('email', 'Email')),
    emailKey: candidate('row'),
    category: candidate('row', shown('category', 'Team')),
    department: candidate('row', shown('department', 'Department')),
    location: candidate('row', shown('location', 'Location')),
    remoteOnly: candidate('row', shown('remoteOnly', 'Remote only')),
    frequency: candidate('row', shown('frequency', 'How often')),
    nonce: no,
    createdAt: candidate('row', shown('createdAt', 'Signed up')),
    confirmedAt: candidate('row', shown('confirmedAt', 'Confirmed')),
    renewedAt: candidate('row', shown('renewedAt', 'Last renewed')),
    lastDigestAt: no,
  },
  // The company's postings, as announced: nobody's data.
  postingAnnouncements: {
    postingSlug: no,
    title: no,
    category: no,
    department: no,
    location: no,
    remote: no,
    announcedAt: no,
  },
  // An interview is about the candidate (erased with their application: the rows go) and in their download. Who
  // interviews is the team's own work record; the times and the place say nothing of the candidate alone.
  interviews: {
    id: no,
    applicationId: no,
    uid: no,
    title: candidate('row', shown('title', 'Interview')),
    kind: candidate('row', shown('kind', 'Kind')),
    durationMinutes: candidate('row', shown('durationMinutes', 'Minutes')),
    location: candidate('row', shown('location', 'Where')),
    timeZone: no,
    candidateTimeZone: candidate('row', shown('candidateTimeZone', 'Your time zone')),
    cutoffHours: no,
    status: candidate('row', shown('status', 'State')),
    startsAt: candidate('row', shown('startsAt', 'Starts')),
    endsAt: candidate('row', shown('endsAt', 'Ends')),
    sequence: no,
    message: candidate('row', shown('message', 'Message from the team')),
    remindedAt: no,
    feedbackAskedAt: no,
    createdBy: no,
    createdAt: candidate('row', shown('createdAt', 'Proposed')),
    updatedAt: no,
  },
  interviewSlots: { interviewId: no, startsAt: candidate('row') },
  interviewInterviewers: { interviewId: no, userId: no },
  // A team member's own feed: the token's hash and when it was made and last read.
  calendarFeeds: { userId: no, tokenHash: no, createdAt: no, lastReadAt: no },
} satisfies Declaration;

export type PersonalTable = keyof typeof PERSONAL_DATA;

/** The values erasure writes over the candidate's columns of a table whose row stays (the stub). */
export function erasedValues<T extends PersonalTable>(table: T, id: number): Partial<Row<T>> {
  const values: Record<string, unknown> = {};
  for (const [column, classified] of Object.entries(PERSONAL_DATA[table] as Record<string, Classified>)) {
    if (classified.personal && classified.of === 'candidate' && typeof classified.erasure === 'object')
      values[column] = classified.erasure.set(id);
  }
  return values as Partial<Row<T>>;
}

/** The candidate's columns of a table that are handed out (download, CSV), in declaration order. */
export function shownColumns<T extends PersonalTable>(table: T) {
  const columns: { column: keyof Row<T> & string; key: string; label: string }[] = [];
  for (const [column, classified] of Object.entries(PERSONAL_DATA[table] as Record<string, Classified>)) {
    if (classified.personal && classified.shown)
      columns.push({ column: column as keyof Row<T> & string, ...classified.shown });
  }
  return columns;
}
