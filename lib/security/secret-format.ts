// What counts as a key: at least 32 random bytes, whether it comes from APP_SECRET or the generated file.

const MIN_BYTES = 32;
const GENERATE = 'generate one with `openssl rand -hex 32`';

/** The bytes a setting stands for: hex (64 characters or more) or base64 (43 or more), else refused. */
export function secretFromSetting(value: string): Buffer {
  const text = value.trim();
  const bytes = /^(?:[0-9a-f]{2})+$/i.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text)
      ? Buffer.from(text, 'base64')
      : null;
  if (!bytes || bytes.length < MIN_BYTES) {
    throw new Error(`APP_SECRET must be at least ${MIN_BYTES} random bytes, written as hex or base64; ${GENERATE}`);
  }
  // A long run of one character passes the length check and holds almost no entropy.
  if (new Set(bytes).size < 16) throw new Error(`APP_SECRET is not random enough; ${GENERATE}`);
  return bytes;
}

/**
 * Where the key comes from, the one rule for server.ts (at start) and the signer: APP_SECRET when set (checked);
 * otherwise a key file beside a SQLite database (null here); PostgreSQL serves several instances, which must
 * share a key they are given, so there it is required.
 */
export function secretSetting(setting: string | undefined, dialect: 'sqlite' | 'postgres'): Buffer | null {
  if (setting) return secretFromSetting(setting);
  if (dialect === 'postgres') {
    throw new Error(`With PostgreSQL, set APP_SECRET (the same in every instance; ${GENERATE})`);
  }
  return null;
}

/** The generated key file holds exactly 32 bytes as 64 hex characters; anything else is a damaged file. */
export function secretFromKeyFile(content: string, file: string): Buffer {
  const text = content.trim();
  if (!/^[0-9a-f]{64}$/.test(text)) {
    throw new Error(
      `${file} does not hold a 32-byte key (it may have been cut short); delete it and restart to generate a new one`,
    );
  }
  return Buffer.from(text, 'hex');
}
