import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientAddressFrom, trustedProxyHops } from './client-address';
import { clientAddress, isSecureRequest } from './request';

describe('the client address', () => {
  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    assert.equal(clientAddressFrom('198.51.100.7', '203.0.113.5', 0), '198.51.100.7');
    assert.equal(clientAddressFrom('::ffff:127.0.0.2', undefined, 0), '127.0.0.2');
    assert.equal(clientAddressFrom('::1', ['1.2.3.4', '5.6.7.8'], 0), '::1');
  });

  it('is the entry the outermost trusted proxy appended', () => {
    // The client sent "1.1.1.1"; proxy A appended the client's real address; proxy B appended A's.
    const header = '1.1.1.1, 203.0.113.5, 10.0.0.2';
    assert.equal(clientAddressFrom('10.0.0.3', header, 1), '10.0.0.2');
    assert.equal(clientAddressFrom('10.0.0.3', header, 2), '203.0.113.5');
    assert.equal(clientAddressFrom('10.0.0.3', ['1.1.1.1', '203.0.113.5, 10.0.0.2'], 2), '203.0.113.5');
  });

  it('falls back to what is known when the chain is shorter than configured', () => {
    assert.equal(clientAddressFrom('10.0.0.3', '203.0.113.5', 3), '203.0.113.5');
    assert.equal(clientAddressFrom('10.0.0.3', undefined, 1), '10.0.0.3');
  });

  it('reads TRUST_PROXY as a number of proxies, refusing nonsense', () => {
    assert.equal(trustedProxyHops(undefined), 0);
    assert.equal(trustedProxyHops(''), 0);
    assert.equal(trustedProxyHops('0'), 0);
    assert.equal(trustedProxyHops('1'), 1);
    assert.equal(trustedProxyHops('true'), 1);
    assert.equal(trustedProxyHops('2'), 2);
    assert.throws(() => trustedProxyHops('yes please'), /TRUST_PROXY must be/);
    assert.throws(() => trustedProxyHops('-1'), /TRUST_PROXY must be/);
  });

  it('reaches the app as the one X-Forwarded-For entry the server set', () => {
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.5' })), '203.0.113.5');
    assert.equal(clientAddress(new Headers()), 'unknown');
  });
});

describe('https behind a proxy', () => {
  it('trusts X-Forwarded-Proto only when a proxy is trusted', () => {
    const headers = new Headers({ 'x-forwarded-proto': 'https' });
    assert.equal(isSecureRequest(headers, undefined), false);
    assert.equal(isSecureRequest(headers, '1'), true);
    assert.equal(isSecureRequest(new Headers({ 'x-forwarded-proto': 'http' }), '1'), false);
  });
});
