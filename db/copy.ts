import crypto from 'node:crypto';
import { asc, count, getTableColumns, gt, sql, type AnyColumn } from 'drizzle-orm';
import type { ResumeStore } from '@/features/resumes/store';
import type { Database, Tables } from './database';
import { rows } from './dialect';

// Moves a site from one database to another (SQLite to PostgreSQL, usually): every table, in an order that
// keeps foreign keys whole, a batch at a time by keyset, then checked. The per-status counts are not copied:
// the target's triggers count the applications as they arrive. The dashboard's rollups are copied as they are.

type Copied = { table: string; rows: number };

/** Tables in foreign-key order, each with the column its rows are read in order of. */
export const ORDER: [keyof Tables, (t: Tables) => AnyColumn][] = [
  ['adminUsers', (t) => t.adminUsers.id],
  ['postingVersions', (t) => t.postingVersions.hash],
  ['resumes', (t) => t.resumes.id],
  ['applications', (t) => t.applications.id],
  ['adminSessions', (t) => t.adminSessions.tokenHash],
  ['adminInvitations', (t) => t.adminInvitations.tokenHash],
  ['adminPasswordResets', (t) => t.adminPasswordResets.tokenHash],
  ['adminRecoveryCodes', (t) => t.adminRecoveryCodes.codeHash],
  ['adminSignInChallenges', (t) => t.adminSignInChallenges.tokenHash],
  ['adminPasskeys', (t) => t.adminPasskeys.id],
  ['adminAuthFlows', (t) => t.adminAuthFlows.tokenHash],
  ['teamSettings', (t) => t.teamSettings.key],
  // A small table with a two-column key: read by its posting, which is enough to page through it.
  ['postingMembers', (t) => t.postingMembers.postingSlug],
  ['loginThrottle', (t) => t.loginThrottle.key],
  ['statusChanges', (t) => t.statusChanges.id],
  ['applicationNotes', (t) => t.applicationNotes.id],
  ['scorecards', (t) => t.scorecards.id],
  ['auditLog', (t) => t.auditLog.id],
  ['rateLimits', (t) => t.rateLimits.key],
  ['outbox', (t) => t.outbox.id],
  ['candidateLinks', (t) => t.candidateLinks.tokenHash],
  ['candidateSessions', (t) => t.candidateSessions.tokenHash],
  ['pendingJobs', (t) => t.pendingJobs.name],
  ['webhookEndpoints', (t) => t.webhookEndpoints.id],
  ['webhookDeliveries', (t) => t.webhookDeliveries.id],
  ['apiTokens', (t) => t.apiTokens.id],
  ['alertSubscriptions', (t) => t.alertSubscriptions.id],
  ['postingAnnouncements', (t) => t.postingAnnouncements.postingSlug],
  ['interviews', (t) => t.interviews.id],
  ['interviewSlots', (t) => t.interviewSlots.interviewId],
  ['interviewInterviewers', (t) => t.interviewInterviewers.interviewId],
  ['calendarFeeds', (t) => t.calendarFeeds.userId],
  // The dashboard's rollups, last: copied as they are (they count erased applications too), over what the
  // target's triggers made of the rows above (which arrive with their latest status, not their history).
  ['pipelineDays', (t) => t.pipelineDays.day],
  ['pipelineDurations', (t) => t.pipelineDurations.day],
];

const INSERT_ROWS = 1000;

/** Tables read in one batch: their key is not one column, so paging by its first could split a key's rows. */
const ONE_BATCH = new Set<keyof Tables>([
  'postingMembers',
  'interviewSlots',
  'interviewInterviewers',
  'pipelineDays',
  'pipelineDurations',
]);
/** Tables the target's triggers fill as the others arrive: emptied before their rows are copied. */
const KEPT_BY_TRIGGERS = new Set<keyof Tables>(['pipelineDays', 'pipelineDurations']);

export class CopyError extends Error {}

export async function assertEmpty(target: Database): Promise<void> {
  for (const [name] of ORDER) {
    if (KEPT_BY_TRIGGERS.has(name)) continue;
    const [row] = await target.db.select({ n: count() }).from(target.t[name]);
    if (row!.n > 0)
      throw new CopyError(`The target is not empty (${name} has ${row!.n} rows): copy only into a new database`);
  }
}

export async function copyDatabase({
  source,
  target,
  log = () => {},
}: {
  source: Database;
  target: Database;
  log?: (line: string) => void;
}): Promise<Copied[]> {
  await assertEmpty(target);
  const copied: Copied[] = [];
  for (const [name, keyOf] of ORDER) {
    const from = source.t[name];
    const key = keyOf(source.t);
    // Resumes carry their bytes: fewer at a time. Posting members (postings × team, a few hundred rows) and the
    // rollups (days × postings × sources × stages) in one batch.
    const batch = name === 'resumes' ? 20 : ONE_BATCH.has(name) ? 10_000_000 : 500;
    if (KEPT_BY_TRIGGERS.has(name)) await target.db.delete(target.t[name]);
    let last: unknown;
    let total = 0;
    for (;;) {
      const page = (await source.db
        .select()
        .from(from)
        .where(last === undefined ? undefined : gt(key, last))
        .orderBy(asc(key))
        .limit(batch)) as Record<string, unknown>[];
      if (page.length === 0) break;
      // A thousand rows an INSERT at most: PostgreSQL binds at most 65,535 parameters a statement, SQLite 32,766.
      for (let i = 0; i < page.length; i += INSERT_ROWS) {
        await target.db.insert(target.t[name]).values(page.slice(i, i + INSERT_ROWS) as never);
      }
      last = page.at(-1)![keyProperty(from, key)];
      total += page.length;
    }
    copied.push({ table: name, rows: total });
    log(`  ${name}: ${total.toLocaleString('en')} rows`);
  }
  if (target.dialect === 'postgres') await resetIdentities(target);
  return copied;
}

function keyProperty(table: Tables[keyof Tables], column: AnyColumn): string {
  return Object.entries(getTableColumns(table)).find(([, c]) => c === column)![0];
}

/** Rows copied with their ids leave PostgreSQL's identity sequences behind; the next id follows the largest. */
async function resetIdentities(target: Database): Promise<void> {
  for (const table of [
    'admin_users',
    'admin_passkeys',
    'applications',
    'status_changes',
    'application_notes',
    'scorecards',
    'audit_log',
    'outbox',
    'webhook_endpoints',
    'webhook_deliveries',
    'api_tokens',
    'alert_subscriptions',
    'interviews',
  ]) {
    await rows(
      target,
      sql.raw(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
      ),
    );
  }
}

/** Row counts per table, and every resume's bytes against its checksum, in the target as in the source. */
export async function verifyCopy({
  source,
  target,
  targetStore,
}: {
  source: Database;
  target: Database;
  targetStore: ResumeStore;
}): Promise<string[]> {
  const problems: string[] = [];
  for (const [name] of [...ORDER, ['applicationCounts'] as const]) {
    const [[a], [b]] = await Promise.all([
      source.db.select({ n: count() }).from(source.t[name]),
      target.db.select({ n: count() }).from(target.t[name]),
    ]);
    if (a!.n !== b!.n) problems.push(`${name}: ${a!.n} rows in the source, ${b!.n} in the target`);
  }
  const { t } = target;
  let last: string | undefined;
  for (;;) {
    const page = await target.db
      .select({ id: t.resumes.id, sha256: t.resumes.sha256, data: t.resumes.data, objectKey: t.resumes.objectKey })
      .from(t.resumes)
      .where(last === undefined ? undefined : gt(t.resumes.id, last))
      .orderBy(asc(t.resumes.id))
      .limit(20);
    if (page.length === 0) break;
    for (const resume of page) {
      const bytes = await targetStore.read(resume);
      if (crypto.createHash('sha256').update(bytes).digest('hex') !== resume.sha256)
        problems.push(`resume ${resume.id}: its bytes do not match its checksum`);
    }
    last = page.at(-1)!.id;
  }
  return problems;
}
