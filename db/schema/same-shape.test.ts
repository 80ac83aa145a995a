import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getTableColumns, getTableName, type InferInsertModel, type InferSelectModel, type Table } from 'drizzle-orm';
import * as postgres from './postgres';
import * as sqlite from './sqlite';

// The data layer is typed with the PostgreSQL tables and runs on the SQLite ones too: this holds only while
// every table infers the same rows in both. A difference is a type error here (`npm run typecheck`).

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Twin<Name extends keyof typeof sqlite & keyof typeof postgres> = (typeof sqlite)[Name] extends Table
  ? (typeof postgres)[Name] extends Table
    ? Same<InferSelectModel<(typeof sqlite)[Name]>, InferSelectModel<(typeof postgres)[Name]>> &
        Same<InferInsertModel<(typeof sqlite)[Name]>, InferInsertModel<(typeof postgres)[Name]>>
    : false
  : false;
type AllTwins = { [Name in keyof typeof sqlite]: Name extends keyof typeof postgres ? Twin<Name> : false };

const twins: AllTwins = {
  resumes: true,
  applications: true,
  applicationCounts: true,
  pipelineDays: true,
  pipelineDurations: true,
  adminUsers: true,
  adminSessions: true,
  loginThrottle: true,
  statusChanges: true,
  applicationNotes: true,
  auditLog: true,
  rateLimits: true,
  outbox: true,
  candidateLinks: true,
  candidateSessions: true,
  pendingJobs: true,
  adminInvitations: true,
  adminPasswordResets: true,
  adminRecoveryCodes: true,
  adminSignInChallenges: true,
  adminPasskeys: true,
  adminAuthFlows: true,
  teamSettings: true,
  postingMembers: true,
  scorecards: true,
  postingVersions: true,
  webhookEndpoints: true,
  webhookDeliveries: true,
  apiTokens: true,
  alertSubscriptions: true,
  postingAnnouncements: true,
  interviews: true,
  interviewSlots: true,
  interviewInterviewers: true,
  calendarFeeds: true,
};

test('every table has a twin of the same name and columns in both schemas', () => {
  assert.deepEqual(Object.keys(twins).sort(), Object.keys(sqlite).sort());
  assert.deepEqual(Object.keys(postgres).sort(), Object.keys(sqlite).sort());
  for (const name of Object.keys(sqlite) as (keyof typeof sqlite)[]) {
    // Property names and the database's own column names, so the raw SQL of either dialect reads the same.
    const columns = (table: Table) =>
      Object.entries(getTableColumns(table))
        .map(([key, column]) => `${key}:${column.name}`)
        .sort();
    assert.deepEqual(columns(postgres[name] as Table), columns(sqlite[name] as Table), name);
    assert.equal(getTableName(postgres[name] as Table), getTableName(sqlite[name] as Table));
  }
});
