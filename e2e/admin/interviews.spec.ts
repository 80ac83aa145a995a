import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { formatInZone } from '@/features/interviews/times';
import type { ReceivedMail } from '@/test-support/smtp-sink';
import { signInAs, teamMember, uniqueTag } from '../fixtures/admin';
import { uniqueEmail } from '../fixtures/apply';
import { e2eDb, seedApplication } from '../fixtures/db';
import { linkIn, waitForMail } from '../fixtures/mailbox';
import { expect, test } from '../fixtures/test';

// A whole interview round, by people in two time zones: a reviewer proposes times in Berlin, the candidate
// books one from their page in New York's time, both receive invitations a calendar program accepts (parsed by
// ical.js), the candidate moves it, the team cancels it, and the interviewer's scorecard is due after one. With
// JavaScript and without.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const POSTING = 'product-designer-remote';
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A day ten or eleven days ahead, as the proposal form writes dates (Berlin's date at noon UTC). */
const dayAhead = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

function invitation(mail: ReceivedMail) {
  baseExpect(mail.calendar, `a calendar in "${mail.subject}"`).toBeTruthy();
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar!));
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.uid,
    sequence: vevent.sequence,
    start: vevent.startDate.toJSDate().getTime(),
    end: vevent.endDate.toJSDate().getTime(),
    attendees: vevent.attendees.map((a) =>
      String(a.getFirstValue())
        .replace(/^mailto:/i, '')
        .toLowerCase(),
    ),
  };
}

async function axeClean(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const result = await new AxeBuilder({ page }).withTags(WCAG).exclude('iframe').analyze();
  baseExpect(result.violations).toEqual([]);
}

for (const javaScript of [true, false]) {
  test(`${javaScript ? 'with' : 'without'} JavaScript: propose in Berlin, book in New York, invitations, move, cancel, scorecard due`, async ({
    newPage,
  }) => {
    test.setTimeout(90_000);
    const tag = uniqueTag();
    const candidateEmail = uniqueEmail(`interview-${javaScript ? 'js' : 'nojs'}`);
    const fullName = `Grace Hopper ${tag}`;
    const id = await seedApplication({
      fullName,
      email: candidateEmail,
      postingSlug: POSTING,
      postingTitle: 'Product Designer',
    });
    const interviewer = `interviewer-${tag}@example.com`;
    const database = await e2eDb();
    const userId = await teamMember({ email: interviewer, role: 'reviewer' });
    await database.db.insert(database.t.postingMembers).values({ postingSlug: POSTING, userId, addedAt: new Date() });

    // The team, in Berlin.
    const team = await newPage({ javaScriptEnabled: javaScript, timezoneId: 'Europe/Berlin' });
    await signInAs(team, interviewer);
    await team.goto(`/admin/applications/${id}`);
    const panel = team.locator('#interviews');
    await expect(panel).toContainText('No interviews yet.');
    await panel.getByRole('link', { name: 'Propose an interview' }).click();
    await expect(
      team.getByRole('heading', { level: 1, name: `Propose an interview: ${fullName}, Product Designer` }),
    ).toBeVisible();
    const form = team.locator('form.interview-proposal');
    const [first, second] = [dayAhead(10), dayAhead(11)];
    // A mistake first: no title, a video call without its link, a line that is not a time.
    await form.getByLabel('Where').fill('meet.example/portfolio');
    await form.getByLabel('Times offered').fill(`${first} 10:00\nnext week`);
    await form.getByRole('button', { name: 'Propose the interview' }).click();
    const summary = team.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Give the interview a title');
    await expect(summary).toContainText('A video interview needs its https:// link.');
    await expect(summary).toContainText('“next week” is not a time');
    // What was typed is kept.
    await expect(form.getByLabel('Times offered')).toHaveValue(`${first} 10:00\nnext week`);
    if (javaScript) await axeClean(team);
    await form.getByLabel('Title', { exact: true }).fill('Portfolio review');
    await form.getByLabel('Where').fill('https://meet.example/portfolio');
    await form.getByLabel('Time zone of the times below').selectOption('Europe/Berlin');
    await form.getByLabel('Times offered').fill(`${first} 10:00\n${second} 15:00-16:30`);
    await form.getByRole('button', { name: 'Propose the interview' }).click();
    await expect(team.getByRole('status').filter({ hasText: 'Interview proposed.' })).toBeVisible();
    await expect(panel).toContainText('Waiting for the candidate to choose');
    await expect(panel).toContainText('3 times offered');

    // The candidate, in New York, from the emailed link.
    const proposed = await waitForMail(candidateEmail, 'Choose a time: Portfolio review for Product Designer');
    const candidate = await newPage({ javaScriptEnabled: javaScript, timezoneId: 'America/New_York' });
    await candidate.goto(linkIn(proposed));
    await candidate.getByRole('button', { name: 'Open my applications' }).click();
    const own = candidate.locator('#interviews');
    await expect(own.getByRole('heading', { name: 'Your interviews' })).toBeVisible();
    // Shown first in the team's zone; the device's zone is offered with JavaScript, the list without.
    await expect(own.getByRole('group', { name: /Choose a time \(Europe\/Berlin\)/ })).toBeVisible();
    if (javaScript) {
      await own.getByRole('link', { name: /device’s time zone, America\/New York/ }).click();
    } else {
      await own.getByLabel('Show times in').selectOption('America/New_York');
      await own.getByRole('button', { name: 'Show' }).click();
    }
    const choices = own.getByRole('group', { name: /Choose a time \(America\/New York\)/ });
    const firstStart = Date.parse(`${first}T10:00:00+01:00`);
    const firstLabel = formatInZone(firstStart, 'America/New_York');
    await expect(choices.getByRole('radio')).toHaveCount(3);
    if (javaScript) await axeClean(candidate);
    await choices.getByLabel(new RegExp(`^${firstLabel}`)).check();
    await own.getByRole('button', { name: 'Book this time' }).click();
    await expect(candidate.getByRole('status')).toHaveText(/Your interview is booked/);
    await expect(own).toContainText(`Booked: ${firstLabel}`);

    // Both have the same event, at the same instant, for an hour's interview… of 45 minutes.
    const booked = invitation(await waitForMail(candidateEmail, /^Interview booked: Portfolio review/));
    const teamBooked = await waitForMail(interviewer, /^Interview booked: Portfolio review: Grace Hopper/);
    expect(teamBooked.text).toContain(`/admin/applications/${id}`);
    expect(invitation(teamBooked)).toEqual({ ...booked, sequence: 0 });
    expect(booked).toMatchObject({ method: 'REQUEST', sequence: 0, start: firstStart, end: firstStart + 45 * 60_000 });
    expect(booked.attendees).toEqual([candidateEmail.toLowerCase(), interviewer]);

    // The candidate moves it to the window's second slot; the same event, its sequence raised.
    const secondStart = Date.parse(`${second}T15:45:00+01:00`);
    const another = own.getByRole('group', { name: /Or choose another time/ });
    await another.getByLabel(new RegExp(`^${formatInZone(secondStart, 'America/New_York')}`)).check();
    await own.getByRole('button', { name: 'Move my interview to this time' }).click();
    await expect(candidate.getByRole('status')).toHaveText(/Your interview has its new time/);
    const moved = invitation(await waitForMail(candidateEmail, /^Interview moved: Portfolio review/));
    expect(moved).toMatchObject({ method: 'REQUEST', uid: booked.uid, sequence: 1, start: secondStart });
    expect(invitation(await waitForMail(interviewer, /^Interview moved:/))).toMatchObject({
      uid: booked.uid,
      sequence: 1,
    });

    // The interviewer's own page lists it, and their calendar link serves the same event, moved.
    await team.goto('/admin/interviews');
    await expect(team.getByRole('region', { name: 'Coming up' })).toContainText(
      `${fullName}, Portfolio review (Product Designer)`,
    );
    await team.getByRole('button', { name: 'Make my calendar link' }).click();
    const feedUrl = await team.getByLabel(/Your calendar link/).inputValue();
    const feed = await team.request.get(new URL(feedUrl).pathname);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const subscribed = new ICAL.Component(ICAL.parse(await feed.text()));
    const event = new ICAL.Event(subscribed.getFirstSubcomponent('vevent')!);
    expect([event.uid, event.sequence, event.startDate.toJSDate().getTime()]).toEqual([booked.uid, 1, secondStart]);
    expect(await feed.text()).not.toContain(candidateEmail);
    if (javaScript) await axeClean(team);

    // The team cancels it with a word for the candidate: a cancellation of the same event, to both.
    await team.goto(`/admin/applications/${id}`);
    await expect(panel).toContainText(`Booked: ${formatInZone(secondStart, 'Europe/Berlin')}`);
    await panel.getByLabel('Why (sent to the candidate, optional)').fill('The role is on hold; we will write.');
    await panel.getByRole('button', { name: 'Cancel the interview' }).click();
    await expect(team.getByRole('status').filter({ hasText: 'Interview cancelled.' })).toBeVisible();
    const cancelled = await waitForMail(candidateEmail, /^Interview cancelled: Portfolio review/);
    expect(cancelled.text).toContain('The role is on hold; we will write.');
    expect(invitation(cancelled)).toMatchObject({ method: 'CANCEL', uid: booked.uid, sequence: 2 });
    expect(invitation(await waitForMail(interviewer, /^Interview cancelled:/))).toMatchObject({
      method: 'CANCEL',
      sequence: 2,
    });
    await candidate.reload();
    await expect(own).toContainText('Cancelled. The team wrote: The role is on hold; we will write.');
    await expect(own.getByRole('radio')).toHaveCount(0);

    // Feedback: an earlier interview with them, over an hour ago, is a scorecard due on the interviewer's page
    // until their card is in (the request by email is the worker's, tested with its clock in the unit tests).
    const over = Date.now() - HOUR;
    const [earlier] = await database.db
      .insert(database.t.interviews)
      .values({
        applicationId: id,
        uid: `earlier-${tag}@careers.example`,
        title: 'Phone screen',
        kind: 'phone',
        durationMinutes: 30,
        location: 'We call you',
        timeZone: 'Europe/Berlin',
        cutoffHours: 24,
        status: 'booked',
        startsAt: new Date(over - 30 * 60_000),
        endsAt: new Date(over),
        createdAt: new Date(over - DAY),
        updatedAt: new Date(over - DAY),
      })
      .returning({ id: database.t.interviews.id });
    await database.db.insert(database.t.interviewInterviewers).values({ interviewId: earlier!.id, userId });
    await team.goto('/admin/interviews');
    const due = team.getByRole('region', { name: 'Scorecards due' });
    await due.getByRole('link', { name: `${fullName}, Phone screen (Product Designer)` }).click();
    const card = team.locator('#scorecard');
    for (const attribute of ['Portfolio', 'Research', 'Accessibility', 'Writing'])
      await card.getByRole('group', { name: attribute }).getByLabel('Yes', { exact: true }).check();
    await card.getByRole('group', { name: 'Overall recommendation' }).getByLabel('Yes', { exact: true }).check();
    await card.getByRole('button', { name: /my scorecard/ }).click();
    await expect(team.getByRole('status').filter({ hasText: 'Scorecard saved.' })).toBeVisible();
    await team.goto('/admin/interviews');
    await expect(due).toContainText('None: every interview you held has your scorecard.');
  });
}
