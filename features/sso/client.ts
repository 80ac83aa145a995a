import 'server-only';
import * as oidc from 'openid-client';
import type { SsoConfig } from './config';

// The OpenID Connect protocol, all of it openid-client's: discovery, the authorization request with PKCE,
// state and nonce, and the checks of the answer (state, the issuer's `iss`, the ID token's signature, issuer,
// audience, expiry and nonce). This module only holds the provider's metadata and turns failures into reasons.

const TIMEOUT_S = 10;

// Discovered once per process (and per provider, should the configuration change under a test); a failed
// discovery is forgotten, so the next sign-in tries again once the provider is back.
const discovered = new Map<string, Promise<oidc.Configuration>>();

function providerConfiguration(config: SsoConfig): Promise<oidc.Configuration> {
  const key = `${config.issuer.href} ${config.clientId} ${config.redirectUri}`;
  let found = discovered.get(key);
  if (!found) {
    found = oidc.discovery(
      config.issuer,
      config.clientId,
      { redirect_uris: [config.redirectUri], response_types: ['code'] },
      oidc.ClientSecretBasic(config.clientSecret),
      // openid-client refuses plain http; config.ts allows it only for a provider on loopback (the tests').
      { execute: config.insecure ? [oidc.allowInsecureRequests] : [], timeout: TIMEOUT_S },
    );
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  return found;
}

export type Checks = { state: string; nonce: string; codeVerifier: string };

export class ProviderUnavailable extends Error {}

/** Where to send the browser, and what its answer must match (kept in the flow, never in the browser). */
export async function authorizationRequest(config: SsoConfig): Promise<{ url: URL; checks: Checks }> {
  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration(config);
  } catch (error) {
    throw new ProviderUnavailable(describe(error), { cause: error });
  }
  const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: config.redirectUri,
    scope: 'openid email',
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, checks };
}

/** What this site reads of the person: the rest of the tokens is dropped unread. */
export type Claims = { sub: string; email: string | null; emailVerified: boolean };

export type Answer = { claims: Claims } | { problem: 'denied' | 'invalid' | 'unavailable'; why: string };

/**
 * The provider's answer (the callback's parameters) checked and exchanged for the ID token's verified claims;
 * the email from the userinfo endpoint when the ID token does not carry it. The tokens end with this function.
 */
export async function verifyAnswer({
  config,
  callback,
  checks,
}: {
  config: SsoConfig;
  callback: URL;
  checks: Checks;
}): Promise<Answer> {
  try {
    const configuration = await providerConfiguration(config);
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    let source: Record<string, unknown> = idToken;
    if (typeof idToken.email !== 'string') {
      source = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    }
    const email = typeof source.email === 'string' ? source.email : null;
    return { claims: { sub: idToken.sub, email, emailVerified: source.email_verified === true } };
  } catch (error) {
    if (error instanceof oidc.AuthorizationResponseError) return { problem: 'denied', why: error.error };
    if (unreachable(error)) return { problem: 'unavailable', why: describe(error) };
    return { problem: 'invalid', why: describe(error) };
  }
}

function unreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  // fetch's "fetch failed" is a TypeError whose cause says why (ECONNREFUSED, ENOTFOUND, …).
  return error instanceof TypeError && error.cause instanceof Error;
}

/** A code for the log (openid-client's OAUTH_* codes say which check failed); never a token or a claim. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
