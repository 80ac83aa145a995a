import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestIdFrom } from './http/request-id';
import { guardedConsole, logFormatFromEnv, logLine, logRequestsFromEnv, requestContext } from './log';

const AT = new Date('2026-12-04T10:00:00.000Z');

test('LOG_FORMAT is text by default or json; anything else stops the start with the reason', () => {
  assert.equal(logFormatFromEnv(undefined), 'text');
  assert.equal(logFormatFromEnv('json'), 'json');
  assert.throws(() => logFormatFromEnv('JSON5'), /LOG_FORMAT must be "text" \(the default\) or "json"; got "JSON5"/);
});

test('a line is one JSON object, or readable text, and names the request it was written in', () => {
  const fields = { method: 'GET', route: '/careers/[slug]', status: 200, ms: 12.5 };
  assert.deepEqual(JSON.parse(logLine('json', 'info', 'request', { requestId: 'r1', ...fields }, AT)), {
    time: '2026-12-04T10:00:00.000Z',
    level: 'info',
    msg: 'request',
    requestId: 'r1',
    ...fields,
  });
  assert.equal(
    logLine('text', 'info', 'request', { requestId: 'r1', ...fields }, AT),
    'request method=GET route=/careers/[slug] status=200 ms=12.5 requestId=r1',
  );
  assert.equal(logLine('text', 'info', 'started', {}, AT), 'started', 'no id outside a request');
  requestContext.run({ requestId: 'from-context' }, () => {
    assert.equal(JSON.parse(logLine('json', 'warn', 'inside', {}, AT)).requestId, 'from-context');
    assert.equal(logLine('text', 'warn', 'inside', {}, AT), 'inside requestId=from-context');
  });
});

test("with LOG_FORMAT=json every console call is one JSON line, an error's stack inside it", () => {
  const lines: [string, string][] = [];
  const restore = guardedConsole('json', (line, level) => lines.push([line, level]));
  try {
    console.log('[mail] outbox #%d written', 12);
    console.error(new Error('boom\nsecond line'));
    requestContext.run({ requestId: 'abc' }, () => console.warn('careful'));
  } finally {
    restore();
  }
  assert.equal(lines.length, 3);
  const [log, error, warn] = lines.map(([line, level]) => ({ ...JSON.parse(line), stream: level }));
  assert.equal(log.msg, '[mail] outbox #12 written');
  assert.equal(log.level, 'info');
  assert.equal(error.level, 'error');
  assert.match(error.msg, /^Error: boom\nsecond line\n {4}at /);
  assert.ok(
    lines.every(([line]) => !line.includes('\n')),
    'one line each',
  );
  assert.equal(warn.requestId, 'abc');
});

test("a proxy's request id is kept only behind TRUST_PROXY and only when it is a plain token", () => {
  assert.equal(requestIdFrom('edge-7f3a:42', true), 'edge-7f3a:42');
  for (const [header, trusted] of [
    ['edge-7f3a:42', false],
    ['has space', true],
    ['ada@example.com', true],
    ['x'.repeat(129), true],
    ['', true],
    [undefined, true],
  ] as const) {
    assert.match(requestIdFrom(header, trusted), /^[0-9a-f-]{36}$/, String(header));
  }
});

test('LOG_REQUESTS is on by default, or off; anything else stops the start', () => {
  assert.equal(logRequestsFromEnv(undefined), true);
  assert.equal(logRequestsFromEnv('off'), false);
  assert.throws(() => logRequestsFromEnv('false'), /LOG_REQUESTS must be "on" \(the default\) or "off"; got "false"/);
});
