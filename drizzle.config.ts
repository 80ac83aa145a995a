import { defineConfig } from 'drizzle-kit';

// One config for both databases: `npm run db:generate` runs drizzle-kit once per dialect
// (DB_DIALECT=sqlite, then DB_DIALECT=postgresql); otherwise DATABASE_URL's scheme decides.
const dialect =
  process.env.DB_DIALECT === 'postgresql' || /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '')
    ? 'postgresql'
    : 'sqlite';

export default dialect === 'postgresql'
  ? defineConfig({
      dialect: 'postgresql',
      schema: './db/schema/postgres.ts',
      out: './db/migrations/postgres',
      dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/careers' },
    })
  : defineConfig({
      dialect: 'sqlite',
      schema: './db/schema/sqlite.ts',
      out: './db/migrations/sqlite',
      dbCredentials: { url: process.env.DATABASE_URL?.replace(/^file:/, '') || './data/careers.db' },
    });
