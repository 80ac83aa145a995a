import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultStatusMessage } from '@/features/mail/status-messages';
import { htmlToText, renderEmail } from './render';

test('a name with markup is text in the HTML part and unchanged in the text part', () => {
  const name = '<img src=x onerror=alert(1)> & "Bobby"';
  const email = renderEmail(
    'application_received',
    { postingTitle: 'Backend', reference: 'ABCD-EFGH', candidateName: name },
    'https://careers.example/applications/open?token=t',
  );
  assert.ok(!email.html.includes('<img'), 'no element from the name');
  assert.ok(email.html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Bobby&quot;'));
  assert.ok(email.text.includes(`Dear ${name},`));
  assert.ok(email.text.includes('See your application (https://careers.example/applications/open?token=t)'));
  assert.equal(email.subject, 'Your application for Backend');
});

test('the hiring team’s email names the candidate and links the admin page, and carries no link of the candidate’s', () => {
  const email = renderEmail('new_application', { postingTitle: 'Backend', candidateName: 'Ada', applicationId: 42 });
  assert.equal(email.subject, 'New application for Backend: Ada');
  assert.match(email.text, /\/admin\/applications\/42\)/);
  assert.doesNotMatch(email.text, /applications\/open/);
});

test('an email whose stored data is not its shape is refused, not sent half-filled', () => {
  assert.throws(() => renderEmail('status_update', { postingTitle: 'Backend' }));
});

test('a status message keeps its paragraphs in both parts', () => {
  const message = defaultStatusMessage('rejected', {
    candidateName: 'Ada',
    postingTitle: 'Backend',
    companyName: 'Acme',
  });
  const email = renderEmail(
    'status_update',
    { postingTitle: 'Backend', message },
    'https://x/applications/open?token=t',
  );
  assert.ok(email.html.includes('>Dear Ada,</p>'), 'each paragraph is a paragraph');
  assert.match(email.text, /\n\nYour application for Backend\n\nDear Ada,\n\nThank you for applying for Backend/);
  assert.match(email.text, /The Acme hiring team/);
});

test('htmlToText: paragraphs, links with their address, entities', () => {
  assert.equal(htmlToText('<p>a &amp; b</p><p><a href="https://x">go</a></p>'), 'a & b\n\ngo (https://x)');
});

test('a paused webhook endpoint: the owner reads which, why, and where to resume it', () => {
  const email = renderEmail('webhook_paused', {
    endpointId: 7,
    url: 'https://hooks.example.com/careers',
    lastError: 'HTTP 503: down',
  });
  assert.equal(email.subject, 'A webhook endpoint was paused after a day of failures');
  assert.match(email.text, /https:\/\/hooks\.example\.com\/careers/);
  assert.match(email.text, /HTTP 503: down/);
  assert.match(email.text, /See its deliveries \(http[^)]*\/admin\/webhooks\/7\)/);
});
