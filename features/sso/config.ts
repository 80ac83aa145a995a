import { z } from 'zod';
import { site } from '@/lib/site';

// Single sign-on is on when the three OIDC_* variables that name the provider and this site's client are set;
// half of them is a mistake the operator should hear about, not a sign-in button that fails later: server.ts
// reads this at start (so it is not `server-only`, which only Next's server build allows).

export type SsoConfig = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Verified addresses of these domains join as the least-privileged role without an invitation. */
  allowedDomains: string[];
  /** The button's "Sign in with …". */
  name: string;
  redirectUri: string;
  /** Plain http, allowed only for a provider on this machine (the tests'). */
  insecure: boolean;
};

export class SsoConfigError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const schema = z.object({
  OIDC_ISSUER: z
    .url({ message: 'OIDC_ISSUER must be the provider’s issuer URL, such as https://login.example.com' })
    .max(500)
    .refine((value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    }, 'OIDC_ISSUER must use https (plain http only for a provider on this machine)'),
  OIDC_CLIENT_ID: z.string().min(1).max(500),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000),
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .max(4000)
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .refine((domains) => domains.every((d) => DOMAIN.test(d)), 'OIDC_ALLOWED_DOMAINS: domains separated by commas')
    .default([]),
  OIDC_NAME: z
    .string()
    .trim()
    .max(60)
    .regex(/^[^\p{Cc}]*$/u)
    .optional(),
});

const REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** The provider this site signs in with, or null when single sign-on is not configured. */
export function ssoConfig(env: Record<string, string | undefined> = process.env, siteUrl = site.url): SsoConfig | null {
  const set = REQUIRED.filter((name) => env[name]);
  if (set.length === 0) return null;
  if (set.length < REQUIRED.length) {
    const missing = REQUIRED.filter((name) => !env[name]);
    throw new SsoConfigError(
      `Single sign-on is half configured: set ${missing.join(' and ')} too, or unset ${set.join(', ')}`,
    );
  }
  const parsed = schema.safeParse({
    ...env,
    OIDC_ALLOWED_DOMAINS: env.OIDC_ALLOWED_DOMAINS || undefined,
    OIDC_NAME: env.OIDC_NAME || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SsoConfigError(`Single sign-on: ${String(issue.path[0])}: ${issue.message}`);
  }
  const issuer = new URL(parsed.data.OIDC_ISSUER);
  return {
    issuer,
    clientId: parsed.data.OIDC_CLIENT_ID,
    clientSecret: parsed.data.OIDC_CLIENT_SECRET,
    allowedDomains: parsed.data.OIDC_ALLOWED_DOMAINS,
    name: parsed.data.OIDC_NAME || issuer.hostname,
    redirectUri: `${new URL(siteUrl).origin}/admin/sso/callback`,
    insecure: issuer.protocol === 'http:',
  };
}
