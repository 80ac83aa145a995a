import { defineConfig } from 'drizzle-kit';
import { DEFAULT_DATABASE_URL, databaseLocation } from './db/location';

// One config for both databases: `npm run db:generate` runs drizzle-kit once per dialect
// (DB_DIALECT=sqlite, then DB_DIALECT=postgresql); otherwise DATABASE_URL decides, read as the site reads it.
const forced = process.env.DB_DIALECT;
const location =
  forced === 'postgresql'
    ? { dialect: 'postgres' as const, url: process.env.DATABASE_URL ?? 'postgres://localhost/careers' }
    : forced === 'sqlite' && !process.env.DATABASE_URL?.startsWith('file:')
      ? databaseLocation(DEFAULT_DATABASE_URL)
      : databaseLocation();

export default location.dialect === 'postgres'
  ? defineConfig({
      dialect: 'postgresql',
      schema: './db/schema/postgres.ts',
      out: './db/migrations/postgres',
      dbCredentials: { url: location.url },
    })
  : defineConfig({
      dialect: 'sqlite',
      schema: './db/schema/sqlite.ts',
      out: './db/migrations/sqlite',
      dbCredentials: { url: location.file },
    });
