import crypto from 'node:crypto';

// Who may read /metrics: a scraper holding METRICS_TOKEN (as `Authorization: Bearer …`) on the site's own port,
// and anyone on this machine at METRICS_PORT (served on loopback only). Neither set: no /metrics at all.

export type MetricsSettings = { token: string | null; port: number | null };

const MIN_TOKEN = 32;

export function metricsSettingsFromEnv(env: Record<string, string | undefined> = process.env): MetricsSettings {
  const token = env.METRICS_TOKEN || null;
  if (token && (token.length < MIN_TOKEN || /\s/.test(token)))
    throw new Error(
      `METRICS_TOKEN must be at least ${MIN_TOKEN} characters with no spaces (for example: openssl rand -hex 32)`,
    );
  const setting = env.METRICS_PORT;
  const port = setting ? Number(setting) : null;
  if (setting && (!Number.isInteger(port) || port! < 1 || port! > 65_535))
    throw new Error(`METRICS_PORT must be a port number from 1 to 65535; got "${setting}"`);
  return { token, port };
}

/** Whether an Authorization header carries the token; compared in constant time, so timing tells nothing. */
export function carriesToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(match[1]!), digest(token));
}
