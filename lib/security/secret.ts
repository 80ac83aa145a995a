import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from '@/db/path';

let secret: Buffer | undefined;

/**
 * The key for signing form tokens: APP_SECRET when set, otherwise a random key generated once and kept
 * beside the database, so a fresh install needs no configuration and never ships a default secret.
 */
export function appSecret(): Buffer {
  if (secret) return secret;
  if (process.env.APP_SECRET) {
    if (process.env.APP_SECRET.length < 32) throw new Error('APP_SECRET must be at least 32 characters');
    return (secret = Buffer.from(process.env.APP_SECRET));
  }
  const file = path.join(path.dirname(databasePath()), 'app-secret.key');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (secret = Buffer.from(fs.readFileSync(file, 'utf8').trim()));
}
