import { RETRY_MS } from '@/lib/backoff';

// The webhook settings an operator may change; a typo stops the start, not a delivery a day later.

export type WebhookSettings = {
  /** http:// endpoints, for development against a receiver on the same machine. */
  allowHttp: boolean;
  /** Loopback and private addresses, for development and the tests. */
  allowPrivate: boolean;
  /** The first retry's delay; later ones double, up to two hours, for a day. */
  retryMs: number;
};

/** What an unset environment means: https and public addresses only, the first retry after a minute. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { allowHttp: false, allowPrivate: false, retryMs: RETRY_MS };

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name];
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`${name} must be 1 or 0; got "${value}"`);
}

export function webhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const retry = env.WEBHOOK_RETRY_SECONDS;
  const seconds = retry ? Number(retry) : DEFAULT_WEBHOOK_SETTINGS.retryMs / 1000;
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`WEBHOOK_RETRY_SECONDS must be a number of seconds above 0; got "${retry}"`);
  }
  return {
    allowHttp: flag(env, 'WEBHOOK_ALLOW_HTTP'),
    allowPrivate: flag(env, 'WEBHOOK_ALLOW_PRIVATE'),
    retryMs: seconds * 1000,
  };
}
