import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

// The calendar file sent with every booking, change and cancellation (RFC 5545, through ical-generator, which
// folds and escapes): one UID for the interview's whole life and a SEQUENCE raised by each change, so Outlook,
// Google Calendar and Apple Calendar update the event they already have instead of adding another. Times are
// written in UTC, so a daylight-saving change between the booking and the interview cannot move them.

export type CalendarEvent = {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  /** The video link or the address. */
  location: string;
  url?: string;
  start: string;
  end: string;
  organizer: { name: string; email: string };
  attendees: { name?: string; email: string }[];
};

export type CalendarMethod = 'REQUEST' | 'CANCEL';

export function calendarFile({
  method,
  event,
  now = Date.now(),
}: {
  method: CalendarMethod;
  event: CalendarEvent;
  now?: number;
}) {
  const calendar = ical({
    prodId: { company: 'careers-portal', product: 'interviews', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: new Date(now),
    start: new Date(event.start),
    end: new Date(event.end),
    summary: event.title,
    description: event.description,
    location: event.location,
    url: event.url ?? null,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: event.organizer,
    attendees: event.attendees.map((attendee) => ({
      ...attendee,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === 'REQUEST',
    })),
  });
  return calendar.toString();
}

export type FeedEvent = Pick<
  CalendarEvent,
  'uid' | 'sequence' | 'title' | 'description' | 'location' | 'url' | 'start' | 'end'
> & {
  cancelled: boolean;
};

/**
 * A subscribed calendar (METHOD:PUBLISH): the same events as the invitations (same UID and sequence, so a
 * program holding both keeps one), without attendees: the feed names the candidate and no one's address.
 */
export function calendarFeed({ name, events, now = Date.now() }: { name: string; events: FeedEvent[]; now?: number }) {
  const calendar = ical({
    name,
    prodId: { company: 'careers-portal', product: 'interviews', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 15,
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: new Date(now),
      start: new Date(event.start),
      end: new Date(event.end),
      summary: event.title,
      description: event.description,
      location: event.location,
      url: event.url ?? null,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
