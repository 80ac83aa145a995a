import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { rows } from '@/db/dialect';
import { databaseStore, type ResumeStore } from '@/features/resumes/store';
import { freshDatabase, testDialects } from '@/test-support/databases';
import { checkReadiness, readinessResponse } from './readiness';

const unreachable: ResumeStore = {
  ...databaseStore,
  kind: 's3',
  reachable: () => Promise.reject(new Error('NoSuchBucket')),
};
const silent: ResumeStore = { ...databaseStore, kind: 's3', reachable: () => new Promise(() => {}) };

for (const dialect of testDialects()) {
  describe(`readiness on ${dialect}`, () => {
    it('a migrated database with resumes in it is ready: 200 and every check named', async (t) => {
      const database = await freshDatabase(dialect, t);
      const readiness = await checkReadiness({ database: async () => database, store: () => databaseStore });
      assert.deepEqual(readiness, {
        ready: true,
        checks: { database: 'ok', migrations: 'ok', storage: 'in the database' },
        problems: [],
      });
      const response = readinessResponse(readiness);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      assert.deepEqual(await response.json(), { status: 'ready', checks: readiness.checks });
    });

    it('a database without the build’s last migration is not ready, and the log names it', async (t) => {
      const database = await freshDatabase(dialect, t);
      const table = dialect === 'sqlite' ? sql`__drizzle_migrations` : sql`drizzle.__drizzle_migrations`;
      await rows(
        database,
        sql`DELETE FROM ${table} WHERE created_at = (SELECT MAX(created_at) FROM ${table}) RETURNING id`,
      );
      const readiness = await checkReadiness({ database: async () => database, store: () => databaseStore });
      assert.equal(readiness.ready, false);
      assert.equal(readiness.checks.migrations, 'behind');
      assert.match(readiness.problems.join(), /^migrations not applied: \d{4}_\w+$/);
      const response = readinessResponse(readiness);
      assert.equal(response.status, 503);
      // What failed is logged, not sent: the body carries the checks only.
      assert.deepEqual(Object.keys(await response.json()), ['status', 'checks']);
    });

    it('a bucket that refuses or does not answer makes the instance not ready, within the deadline', async (t) => {
      const database = await freshDatabase(dialect, t);
      for (const store of [unreachable, silent]) {
        const started = Date.now();
        const readiness = await checkReadiness({ database: async () => database, store: () => store, deadlineMs: 200 });
        assert.equal(readiness.ready, false);
        assert.deepEqual(readiness.checks, { database: 'ok', migrations: 'ok', storage: 'failing' });
        assert.ok(Date.now() - started < 2_000);
      }
    });

    if (dialect === 'postgres') {
      it('a probe stuck behind a lock gives up its connection with its deadline, and no query is left waiting', async (t) => {
        const database = await freshDatabase(dialect, t);
        const pool = (database.db as unknown as { $client: pg.Pool }).$client;
        // Another session (a migration, a long backup) holds the table the probe reads.
        const locker = await pool.connect();
        const lockerPid = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE drizzle.__drizzle_migrations IN ACCESS EXCLUSIVE MODE');
        try {
          const readiness = await checkReadiness({
            database: async () => database,
            store: () => databaseStore,
            deadlineMs: 300,
          });
          assert.equal(readiness.checks.database, 'failing');
          assert.equal(readiness.ready, false);
          // Cancelled by the server at the same deadline, not left waiting for the lock (which is still held).
          // Asked on a connection of its own: inside the locker's transaction the view would be one snapshot.
          const waiting = async () =>
            (
              await pool.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM pg_stat_activity
                 WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), $1) AND state = 'active'
                   AND query LIKE '%__drizzle_migrations%'`,
                [lockerPid],
              )
            ).rows[0]!.n;
          for (const until = Date.now() + 2_000; (await waiting()) > 0 && Date.now() < until;)
            await new Promise((resolve) => setTimeout(resolve, 50));
          assert.equal(await waiting(), 0);
        } finally {
          await locker.query('ROLLBACK');
          locker.release();
        }
        const again = await checkReadiness({ database: async () => database, store: () => databaseStore });
        assert.equal(again.ready, true, 'ready again once the lock is gone');
      });
    }
  });
}

it('a database that cannot be opened, or a store that cannot be made, is not ready and no probe throws', async () => {
  const readiness = await checkReadiness({
    database: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    store: () => {
      throw new Error('RESUME_STORAGE=s3 needs S3_BUCKET');
    },
  });
  assert.deepEqual(readiness.checks, { database: 'failing', migrations: 'unknown', storage: 'failing' });
  assert.deepEqual(readiness.problems.sort(), [
    'database: connect ECONNREFUSED 127.0.0.1:5432',
    'storage: RESUME_STORAGE=s3 needs S3_BUCKET',
  ]);
  assert.equal(readinessResponse(readiness).status, 503);
});
