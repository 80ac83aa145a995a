import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { calendarFile, type CalendarEvent } from './ics';
import { formatRange, parseOfferedTimes } from './times';

// The calendar files as a calendar program reads them: parsed by ical.js (Mozilla's parser, used by
// Thunderbird), not by comparing strings.

const event = (start: number, minutes: number, sequence = 0): CalendarEvent => ({
  uid: 'interview-7@careers.example',
  sequence,
  title: 'Technical interview: Senior Engineer',
  description: 'With the platform team.\nBring questions; ours are about systems, not trivia.',
  location: 'https://meet.example/abc-def',
  start: new Date(start).toISOString(),
  end: new Date(start + minutes * 60_000).toISOString(),
  organizer: { name: 'Example Careers', email: 'careers@example.com' },
  attendees: [{ name: 'Ada Candidate', email: 'ada@example.org' }, { email: 'interviewer@example.com' }],
});

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const vevent = component.getFirstSubcomponent('vevent')!;
  const parsed = new ICAL.Event(vevent);
  return {
    method: component.getFirstPropertyValue('method'),
    uid: parsed.uid,
    sequence: parsed.sequence,
    start: parsed.startDate.toJSDate().getTime(),
    end: parsed.endDate.toJSDate().getTime(),
    status: vevent.getFirstPropertyValue('status'),
    organizer: String(vevent.getFirstPropertyValue('organizer')),
    attendees: parsed.attendees.map((a) => String(a.getFirstValue())),
    location: parsed.location,
    description: parsed.description,
  };
}

test('a slot offered across the spring change in Europe/Berlin keeps its wall-clock time and its instant', () => {
  // 09:00 Berlin on the Friday before (CET, +01:00) and on the Monday after (CEST, +02:00).
  const { starts, errors } = parseOfferedTimes({
    text: '2027-03-26 09:00\n2027-03-29 09:00',
    zone: 'Europe/Berlin',
    minutes: 45,
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(
    starts.map((at) => new Date(at).toISOString()),
    ['2027-03-26T08:00:00.000Z', '2027-03-29T07:00:00.000Z'],
  );
  const file = parse(calendarFile({ method: 'REQUEST', event: event(starts[1]!, 45), now: 0 }));
  assert.equal(file.start, Date.parse('2027-03-29T07:00:00Z'));
  assert.equal(file.end, Date.parse('2027-03-29T07:45:00Z'));
  assert.equal(formatRange(file.start, file.end, 'Europe/Berlin'), 'Monday 29 March 2027, 09:00–09:45 (Europe/Berlin)');
  assert.equal(
    formatRange(file.start, file.end, 'America/New_York'),
    'Monday 29 March 2027, 03:00–03:45 (America/New_York)',
  );
});

test('an interview that spans the night the clocks change in America/New_York lasts its real length', () => {
  // 00:30 on 7 November 2027, two hours: EDT at the start; the clocks fall back at 02:00 EDT, to 01:00 EST.
  const { starts } = parseOfferedTimes({ text: '2027-11-07 00:30', zone: 'America/New_York', minutes: 120 });
  assert.equal(new Date(starts[0]!).toISOString(), '2027-11-07T04:30:00.000Z');
  const file = parse(calendarFile({ method: 'REQUEST', event: event(starts[0]!, 120), now: 0 }));
  assert.equal(file.end - file.start, 120 * 60_000);
  // Two real hours later the wall clock shows 01:30 again (EST).
  assert.equal(
    formatRange(file.start, file.end, 'America/New_York'),
    'Sunday 7 November 2027, 00:30–01:30 (America/New_York)',
  );
});

test('a time the clocks skip is refused by name, and each unreadable line gets its own error', () => {
  const { starts, errors } = parseOfferedTimes({
    text: '2027-03-28 02:30\nnext tuesday\n2027-02-30 10:00\n2027-04-01 10:00-10:20\n2027-04-01 10:00\n2027-10-31 02:30\n0027-04-01 10:00',
    zone: 'Europe/Berlin',
    minutes: 30,
  });
  assert.equal(starts.length, 1);
  assert.deepEqual(errors, [
    '“2027-03-28 02:30” does not exist in Europe/Berlin: the clocks go forward then.',
    '“next tuesday” is not a time: write 2026-12-10 14:00, or a window as 2026-12-10 09:00-12:00.',
    '“2027-02-30 10:00” is not a real date and time.',
    '“2027-04-01 10:00-10:20” is shorter than one 30-minute interview.',
    '“2027-10-31 02:30” happens twice in Europe/Berlin: the clocks go back then; choose another time.',
    '“0027-04-01 10:00” is not a real date and time.',
  ]);
});

test('a window is cut into back-to-back slots of the interview’s length', () => {
  const { starts } = parseOfferedTimes({ text: '2027-04-01 09:00–11:00', zone: 'UTC', minutes: 45 });
  assert.deepEqual(
    starts.map((at) => new Date(at).toISOString().slice(11, 16)),
    ['09:00', '09:45'],
  );
});

test('a change raises the sequence of the same event; a cancellation is METHOD:CANCEL of it', () => {
  const start = Date.parse('2027-05-03T13:00:00Z');
  const booked = parse(calendarFile({ method: 'REQUEST', event: event(start, 60, 0) }));
  const moved = parse(calendarFile({ method: 'REQUEST', event: event(start + 86_400_000, 60, 1) }));
  const cancelled = parse(calendarFile({ method: 'CANCEL', event: event(start + 86_400_000, 60, 2) }));
  assert.equal(booked.method, 'REQUEST');
  assert.equal(moved.uid, booked.uid);
  assert.equal(cancelled.uid, booked.uid);
  assert.deepEqual([booked.sequence, moved.sequence, cancelled.sequence], [0, 1, 2]);
  assert.equal(moved.start, start + 86_400_000);
  assert.equal(cancelled.method, 'CANCEL');
  assert.equal(cancelled.status, 'CANCELLED');
  assert.equal(booked.status, 'CONFIRMED');
  assert.match(booked.organizer, /^mailto:careers@example\.com$/i);
  assert.deepEqual(
    booked.attendees.map((a) => a.toLowerCase()),
    ['mailto:ada@example.org', 'mailto:interviewer@example.com'],
  );
  assert.equal(booked.location, 'https://meet.example/abc-def');
  assert.equal(booked.description, event(start, 60).description);
});
