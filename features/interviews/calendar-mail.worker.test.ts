import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { deliverDue } from '@/features/mail/deliver';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import { smtpTransport } from '@/features/mail/transport';
import { freshDatabase } from '@/test-support/databases';
import { startSmtpSink } from '@/test-support/smtp-sink';

// The worker sends an interview's email with its invitation as a calendar program expects it (RFC 6047): a
// text/calendar part with the method, read back from a real SMTP server and parsed by ical.js.

const event = {
  uid: 'b3f1@careers.example',
  sequence: 2,
  title: 'Technical interview: Backend Engineer at Example',
  description: 'Video call, 45 minutes.',
  location: 'https://meet.example/abc',
  start: '2027-03-29T07:00:00.000Z',
  end: '2027-03-29T07:45:00.000Z',
  organizer: { name: 'Example Careers', email: 'careers@example.com' },
  attendees: [{ name: 'Ada', email: 'ada@example.org' }, { email: 'sam@example.com' }],
};

test('a booking and a cancellation reach the candidate with their invitation, in the zone they chose', async (t) => {
  const database = await freshDatabase('sqlite', t);
  const sink = await startSmtpSink();
  t.after(() => sink.close());
  const transport = smtpTransport(sink.url, '"Careers" <careers@example.com>');
  t.after(() => transport.close?.());
  const { db, t: tables } = database;
  for (const change of ['moved', 'cancelled'] as const) {
    const data = {
      postingTitle: 'Backend Engineer',
      change,
      zone: 'America/New_York',
      message: 'See you then.',
      event,
    };
    await queueMail({ db, t: tables, mail: mail('interview_calendar', 'ada@example.org', data) });
  }
  const done = await deliverDue({ database, transport });
  assert.deepEqual(
    done.map((d) => d.outcome),
    ['sent', 'sent'],
  );
  const [moved, cancelled] = sink.messages();
  assert.equal(
    moved!.subject,
    'Interview moved: Technical interview: Backend Engineer at Example, Monday 29 March 2027, 03:00',
  );
  // Berlin had already moved its clocks (09:00 there); New York reads 03:00.
  assert.match(moved!.text, /Monday 29 March 2027, 03:00–03:45 \(America\/New_York\)/);
  assert.match(moved!.text, /See you then\./);
  for (const [message, method, status] of [
    [moved!, 'REQUEST', 'CONFIRMED'],
    [cancelled!, 'CANCEL', 'CANCELLED'],
  ] as const) {
    assert.ok(message.calendar, 'the email carries a text/calendar part');
    const calendar = new ICAL.Component(ICAL.parse(message.calendar));
    assert.equal(calendar.getFirstPropertyValue('method'), method);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('status'), status);
    const parsed = new ICAL.Event(vevent);
    assert.equal(parsed.uid, event.uid);
    assert.equal(parsed.sequence, 2);
    assert.equal(parsed.startDate.toJSDate().toISOString(), event.start);
  }
});
