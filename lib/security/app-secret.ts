// No `server-only`: the worker (outside Next) signs the job alerts' links with it too (lib/security/hmac.ts).
// ESLint keeps lib/security out of client components.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseLocation } from '@/db/location';
import { privateFile, privateFolder } from './private-files';
import { secretFromKeyFile, secretSetting } from './secret-format';

let secret: Buffer | undefined;

/**
 * The key for signing tokens and stamps: APP_SECRET when set, otherwise a random key generated once and kept
 * beside the database, so a fresh install needs no configuration and never ships a default secret.
 */
export function appSecret(): Buffer {
  if (secret) return secret;
  const location = databaseLocation();
  // Without APP_SECRET, secretSetting has refused PostgreSQL: what is left is a SQLite file to keep the key beside.
  const beside = 'file' in location ? path.dirname(location.file) : '.';
  secret = secretSetting(process.env.APP_SECRET, location.dialect) ?? keyFile(path.join(beside, 'app-secret.key'));
  return secret;
}

/**
 * Two processes starting together must end up with the same key, and a reader must never see a half-written
 * one: the key is written to a file of its own and linked into place, which fails if a key is already there.
 */
function keyFile(file: string): Buffer {
  if (!fs.existsSync(file)) {
    privateFolder(path.dirname(file));
    const draft = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(draft, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  privateFile(file);
  return secretFromKeyFile(fs.readFileSync(file, 'utf8'), file);
}
