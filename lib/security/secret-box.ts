import crypto from 'node:crypto';
import { appSecret } from './app-secret';

// Secrets the site must read back (an authenticator app's shared secret), kept encrypted in the database
// with a key derived from the site's secret: a copy of the database alone does not let anyone make codes.
// AES-256-GCM, so a changed or swapped value fails to open instead of giving garbage; the purpose is bound
// in as associated data, so a value sealed for one use does not open for another.

const key = (purpose: string) => crypto.createHmac('sha256', appSecret()).update(`secret-box\n${purpose}`).digest();

/** `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(purpose: string, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${[iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.')}`;
}

/** The plain text, or null when the value was not sealed with this site's key for this purpose. */
export function open(purpose: string, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key(purpose), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
