import type { OwnInterview } from '@/features/interviews/own';
import { bookInterview, cancelOwnInterviewAction } from '@/features/interviews/own-actions';
import { formatInZone, formatRange } from '@/features/interviews/times';
import { INTERVIEW_KIND_LABELS } from '@/lib/interview';
import { BrowserZoneLink } from './browser-zone-link';
import { ZoneOptions } from './zone-select';

/** Which zone a candidate reads an interview's times in: the one they chose, else the one they booked in, else the team's. */
export const zoneFor = (interview: OwnInterview, chosen: string | undefined) =>
  chosen ?? interview.candidateTimeZone ?? interview.timeZone;

/** The zone picker: a GET form, so the page comes back in the chosen zone without JavaScript. */
function ZonePicker({ zone }: { zone: string }) {
  return (
    <form method="get" action="/applications#interviews" className="zone-picker">
      <label htmlFor="interview-zone">Show times in</label>
      <select id="interview-zone" name="tz" defaultValue={zone}>
        <ZoneOptions />
      </select>
      <button type="submit" className="button button--secondary">
        Show
      </button>
    </form>
  );
}

function Choices({ interview, zone, booked }: { interview: OwnInterview; zone: string; booked: boolean }) {
  const choices = interview.free.filter((start) => start !== interview.startsAt?.getTime());
  const legendId = `interview-${interview.id}-legend`;
  if (!choices.length)
    return booked ? null : (
      <p>Every time offered is taken or has passed. The team will offer new ones; we will email you.</p>
    );
  return (
    <form action={bookInterview}>
      <input type="hidden" name="interviewId" value={interview.id} />
      <input type="hidden" name="timeZone" value={zone} />
      <fieldset className="field field--group">
        <legend className="field__label" id={legendId}>
          {booked ? 'Or choose another time' : 'Choose a time'} ({zone.replaceAll('_', ' ')})
        </legend>
        {choices.map((start, i) => {
          const id = `interview-${interview.id}-slot-${i}`;
          return (
            <div className="choice" key={start}>
              <input id={id} type="radio" name="startsAt" value={start} required />
              <label htmlFor={id}>
                {formatInZone(start, zone)} to{' '}
                {formatInZone(start + interview.durationMinutes * 60_000, zone).slice(-5)}
              </label>
            </div>
          );
        })}
      </fieldset>
      <button type="submit" className="button">
        {booked ? 'Move my interview to this time' : 'Book this time'}
      </button>
    </form>
  );
}

/** The candidate's interviews: choose a time, see it, change or cancel it until the cut-off. */
export function OwnInterviews({ interviews, chosenZone }: { interviews: OwnInterview[]; chosenZone?: string }) {
  if (!interviews.length) return null;
  const pickerZone = zoneFor(interviews[0]!, chosenZone);
  return (
    <section id="interviews" aria-labelledby="interviews-heading" className="own-interviews">
      <h2 id="interviews-heading">Your interviews</h2>
      <ZonePicker zone={pickerZone} />
      <BrowserZoneLink shown={pickerZone} />
      <ul className="own-applications">
        {interviews.map((interview) => {
          const zone = zoneFor(interview, chosenZone);
          const booked = interview.status === 'booked';
          return (
            <li key={interview.id} className="own-application">
              <h3>
                {interview.title} for {interview.postingTitle}
              </h3>
              <p>
                {INTERVIEW_KIND_LABELS[interview.kind]}, {interview.durationMinutes} minutes. Where:{' '}
                {interview.location}
              </p>
              {interview.status === 'cancelled' ? (
                <p>
                  <strong>Cancelled.</strong>
                  {interview.message ? ` The team wrote: ${interview.message}` : null}
                </p>
              ) : null}
              {booked && interview.startsAt && interview.endsAt ? (
                <p>
                  <strong>Booked:</strong> {formatRange(interview.startsAt, interview.endsAt, zone)}
                  {interview.message ? `. The team wrote: ${interview.message}` : null}
                </p>
              ) : null}
              {interview.status === 'proposed' && interview.message ? <p>The team wrote: {interview.message}</p> : null}
              {interview.changeable ? (
                <>
                  <Choices interview={interview} zone={zone} booked={booked} />
                  <form action={cancelOwnInterviewAction}>
                    <input type="hidden" name="interviewId" value={interview.id} />
                    <input type="hidden" name="timeZone" value={zone} />
                    <button type="submit" className="button button--secondary">
                      {booked ? 'Cancel this interview' : 'I cannot make any of these times'}
                    </button>
                  </form>
                  {booked ? (
                    <p className="field__hint">
                      You can change or cancel until {interview.cutoffHours} hours before it starts.
                    </p>
                  ) : null}
                </>
              ) : booked ? (
                <p className="field__hint">It is too late to change this interview here: reply to its email instead.</p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
