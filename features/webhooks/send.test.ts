import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startWebhookReceiver } from '@/test-support/webhook-receiver';
import { refusedRange } from './address-policy';
import { endpointFormSchema, endpointUrlProblem } from './schemas';
import { sendWebhook } from './send';
import { webhookSettings } from './settings';

// The guards around a webhook's URL: what the form refuses, which addresses delivery refuses, and the
// deadline and size cap of one post (against a real receiver on loopback).

const strict = { allowHttp: false, allowPrivate: false };

test('only public unicast addresses are reachable: loopback, private, metadata and mapped ones are not', () => {
  for (const [address, range] of [
    ['127.0.0.1', 'loopback'],
    ['10.0.0.8', 'private'],
    ['192.168.1.1', 'private'],
    ['172.16.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a00:1', 'ipv4Compatible'],
  ]) {
    assert.equal(refusedRange(address!), range, address);
  }
  assert.equal(refusedRange('93.184.215.14'), null);
  assert.equal(refusedRange('2606:2800:21f:cb07:6820:80da:af6b:8b2c'), null);
});

test('the form takes an https URL and says why it refuses any other', () => {
  assert.equal(endpointUrlProblem('https://hooks.example.com/careers?token=x', strict), null);
  assert.match(endpointUrlProblem('hooks.example.com', strict)!, /full URL/);
  assert.match(endpointUrlProblem('http://hooks.example.com/', strict)!, /https:\/\/.*WEBHOOK_ALLOW_HTTP/);
  assert.equal(endpointUrlProblem('http://hooks.example.com/', { ...strict, allowHttp: true }), null);
  assert.match(endpointUrlProblem('ftp://hooks.example.com/', strict)!, /must start with https/);
  assert.match(endpointUrlProblem('https://user:pw@hooks.example.com/', strict)!, /user name and password/);
  for (const url of [
    'https://127.0.0.1/',
    'https://[::1]/',
    'https://169.254.169.254/latest',
    'https://localhost/',
    'https://a.localhost/',
  ]) {
    assert.match(endpointUrlProblem(url, strict)!, /private network.*WEBHOOK_ALLOW_PRIVATE/, url);
  }
  assert.equal(endpointUrlProblem('http://127.0.0.1:9/', { allowHttp: true, allowPrivate: true }), null);
  const schema = endpointFormSchema(strict);
  const parsed = schema.safeParse({
    url: ' https://x.example/ ',
    events: ['application.created', 'application.created'],
    description: '',
  });
  assert.deepEqual(parsed.success && parsed.data, {
    url: 'https://x.example/',
    events: ['application.created'],
    description: '',
  });
  const bad = schema.safeParse({ url: '', events: ['nope'], description: 'x'.repeat(201) });
  assert.deepEqual(
    bad.error?.issues.map((i) => [i.path.join('.'), i.message]),
    [
      ['url', 'Enter the URL the events are posted to'],
      ['events.0', 'Choose events from the list'],
      ['description', 'Keep the description under 200 characters'],
    ],
  );
  assert.equal(
    schema.safeParse({ url: 'https://x.example/', events: [], description: '' }).error?.issues[0]?.message,
    'Choose at least one event',
  );
});

test('settings: a typo stops the start', () => {
  assert.deepEqual(
    webhookSettings({ WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_RETRY_SECONDS: '2' } as unknown as NodeJS.ProcessEnv),
    {
      allowHttp: true,
      allowPrivate: false,
      retryMs: 2_000,
    },
  );
  assert.throws(
    () => webhookSettings({ WEBHOOK_ALLOW_PRIVATE: 'yes' } as unknown as NodeJS.ProcessEnv),
    /WEBHOOK_ALLOW_PRIVATE must be 1 or 0; got "yes"/,
  );
  assert.throws(
    () => webhookSettings({ WEBHOOK_RETRY_SECONDS: '0' } as unknown as NodeJS.ProcessEnv),
    /WEBHOOK_RETRY_SECONDS must be/,
  );
});

test('a post has a deadline, and refuses a private address as written or http without the setting, sending nothing', async (t) => {
  const receiver = await startWebhookReceiver();
  t.after(() => receiver.close());
  const open = { allowHttp: true, allowPrivate: true };
  receiver.answer('hang');
  const hung = await sendWebhook({ url: receiver.url, body: '{}', headers: {}, policy: open, timeoutMs: 300 });
  assert.deepEqual([hung.ok, hung.status, hung.error], [false, null, 'no answer within 0.3 s']);
  assert.ok(hung.ms >= 290 && hung.ms < 2_000, `${hung.ms} ms`);

  const ok = await sendWebhook({ url: receiver.url, body: '{"a":1}', headers: { 'x-test': '1' }, policy: open });
  assert.deepEqual([ok.ok, ok.status, ok.error], [true, 200, null]);
  assert.equal(receiver.received().at(-1)?.body, '{"a":1}');

  const refused = await sendWebhook({
    url: receiver.url,
    body: '{}',
    headers: {},
    policy: { allowHttp: true, allowPrivate: false },
  });
  assert.match(refused.error!, /127\.0\.0\.1 \(loopback\)/);
  const http = await sendWebhook({
    url: receiver.url,
    body: '{}',
    headers: {},
    policy: { allowHttp: false, allowPrivate: true },
  });
  assert.match(http.error!, /only https/);
  const count = receiver.received().length;
  assert.equal(count, 2, 'the refused posts never reached the receiver');
});

test('an endless answer is cut off after its first kilobytes, its status kept', async (t) => {
  const http = await import('node:http');
  let written = 0;
  const server = http.createServer((_request, response) => {
    response.writeHead(500);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (written < 50 * 1024 * 1024 && response.write(chunk)) written += chunk.length;
      if (written < 50 * 1024 * 1024) response.once('drain', pump);
      else response.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as import('node:net').AddressInfo;
  const outcome = await sendWebhook({
    url: `http://127.0.0.1:${port}/`,
    body: '{}',
    headers: {},
    policy: { allowHttp: true, allowPrivate: true },
  });
  assert.equal(outcome.status, 500);
  assert.match(outcome.error!, /^HTTP 500: x{100}/);
  assert.ok(outcome.error!.length < 400);
  assert.ok(written < 50 * 1024 * 1024, 'the sender stopped reading long before the end');
});

test('the README shows the very verifier docs/webhooks.md gives (and the tests run)', async () => {
  const fs = await import('node:fs');
  const block = (file: string) =>
    /```js\n([\s\S]*?verifyCareersWebhook[\s\S]*?)```/.exec(fs.readFileSync(file, 'utf8'))?.[1];
  const docs = block('docs/webhooks.md');
  assert.ok(docs);
  assert.equal(block('README.md'), docs);
  assert.ok(docs.split('\n').filter((line) => line.trim() && !line.trim().startsWith('//')).length <= 10);
});
