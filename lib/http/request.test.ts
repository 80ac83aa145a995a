import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('request helpers', () => {
  it('trusts X-Forwarded-Proto only with TRUST_PROXY=1, and keys on the rightmost forwarded address', async () => {
    const { clientAddress, isSecureRequest } = await import('./request');
    const headers = new Headers({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5, 198.51.100.1' });
    assert.equal(isSecureRequest(headers, { NODE_ENV: 'test' } as NodeJS.ProcessEnv), false);
    assert.equal(isSecureRequest(headers, { NODE_ENV: 'test', TRUST_PROXY: '1' } as NodeJS.ProcessEnv), true);
    assert.equal(clientAddress(headers), '198.51.100.1');
    assert.equal(clientAddress(new Headers()), 'unknown');
  });
});
