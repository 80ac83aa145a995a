import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID provider for the tests (oidc-provider, the certified implementation), on loopback: the sign-in
// runs the whole protocol against it, never a stub of the client. Its login page is oidc-provider's own
// development form: the login name is the email it vouches for, and an address at unverified.example comes
// back with `email_verified: false`. Consent is granted without asking, as a company's own provider does for
// its own applications.

export const TEST_OIDC_CLIENT = { id: 'careers-site', secret: 'a test client secret, long enough for HS256' } as const;
export const UNVERIFIED_DOMAIN = 'unverified.example';

export type TestProvider = { issuer: string; close: () => Promise<void> };

export async function startOidcProvider({
  port = 0,
  redirectUris,
}: {
  port?: number;
  redirectUris: string[];
}): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.id,
        client_secret: TEST_OIDC_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: id, email_verified: !id.endsWith(`@${UNVERIFIED_DOMAIN}`) }),
      };
    },
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid email');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['test-only cookie key'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A browser at the provider, by fetch: from the authorization URL through its login form as `login`, to the
 * redirect back to the site, whose URL is returned (the site itself is not fetched).
 */
export async function loginAtProvider({
  url,
  login,
  redirectUri,
}: {
  url: URL | string;
  login: string;
  redirectUri: string;
}) {
  const jar = new Map<string, string>();
  const send = async (target: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(target, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  let next = new URL(url);
  for (let hop = 0; hop < 10; hop++) {
    if (next.href.startsWith(redirectUri)) return next;
    const response = await send(next.href);
    if (response.status >= 300 && response.status < 400) {
      next = new URL(response.headers.get('location')!, next);
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`The provider answered ${response.status}: ${page.slice(0, 300)}`);
    const body = new URLSearchParams({ prompt: 'login', login, password: 'any' });
    const posted = await send(new URL(action.replaceAll('&amp;', '&'), next).href, { method: 'POST', body });
    next = new URL(posted.headers.get('location')!, next);
  }
  throw new Error('The provider did not send the browser back');
}
