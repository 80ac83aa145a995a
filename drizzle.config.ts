import { defineConfig } from 'drizzle-kit';
import { databasePath } from './db/path';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: databasePath() },
});
