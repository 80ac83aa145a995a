import Link from 'next/link';
import { cancelInterviewAction, moveInterviewAction } from '@/features/interviews/actions';
import type { InterviewListing } from '@/features/interviews/team';
import { formatInZone, formatRange } from '@/features/interviews/times';
import { INTERVIEW_KIND_LABELS } from '@/lib/interview';

const STATE_WORDS = {
  proposed: 'Waiting for the candidate to choose',
  booked: 'Booked',
  cancelled: 'Cancelled',
} as const;

type Props = {
  id: number;
  view: string;
  interviews: InterviewListing[];
  /** False once the application is closed: no new interviews. */
  canPropose: boolean;
};

/** One interview as the team sees it: its state and time, who, where, and its controls. */
function InterviewItem({ id, view, interview }: { id: number; view: string; interview: InterviewListing }) {
  const zone = interview.timeZone;
  const heading = `${interview.title}, ${INTERVIEW_KIND_LABELS[interview.kind].toLowerCase()}, ${interview.durationMinutes} minutes`;
  const base = `interview-${interview.id}`;
  return (
    <li className="interview">
      <h3>{heading}</h3>
      <p>
        <strong>{STATE_WORDS[interview.status]}</strong>
        {interview.startsAt && interview.endsAt && interview.status !== 'cancelled'
          ? `: ${formatRange(interview.startsAt, interview.endsAt, zone)}`
          : null}
      </p>
      <p>
        With {interview.interviewers.map((p) => p.email).join(', ')}. Where: {interview.location}
      </p>
      {interview.status === 'proposed' ? (
        <details>
          <summary>
            {interview.slots.length === 1 ? 'One time offered' : `${interview.slots.length} times offered`}
          </summary>
          <ul>
            {interview.slots.map((slot) => (
              <li key={slot.getTime()}>{formatInZone(slot, zone)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {interview.message ? <p>Message to the candidate: {interview.message}</p> : null}
      {interview.status === 'cancelled' ? null : (
        <div className="interview__controls">
          <form action={moveInterviewAction} className="stack-form">
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="view" value={view} />
            <input type="hidden" name="interviewId" value={interview.id} />
            <input type="hidden" name="timeZone" value={zone} />
            <label htmlFor={`${base}-time`}>
              {interview.status === 'booked' ? 'Move to' : 'Book at'} ({zone.replaceAll('_', ' ')})
            </label>
            <input id={`${base}-time`} name="time" type="text" placeholder="2026-12-10 14:00" required />
            <label htmlFor={`${base}-move-message`}>Message to the candidate (optional)</label>
            <textarea id={`${base}-move-message`} name="message" rows={2} maxLength={2000} />
            <button type="submit" className="button button--secondary">
              {interview.status === 'booked' ? 'Move and send the new invitation' : 'Book and send the invitation'}
            </button>
          </form>
          <form action={cancelInterviewAction} className="stack-form">
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="view" value={view} />
            <input type="hidden" name="interviewId" value={interview.id} />
            <label htmlFor={`${base}-cancel-message`}>Why (sent to the candidate, optional)</label>
            <textarea id={`${base}-cancel-message`} name="message" rows={2} maxLength={2000} />
            <button type="submit" className="button button--secondary">
              Cancel the interview
            </button>
          </form>
        </div>
      )}
    </li>
  );
}

/** The application's interviews and the form to propose one. */
export function InterviewsPanel({ id, view, interviews, canPropose }: Props) {
  return (
    <section id="interviews" aria-labelledby="interviews-heading">
      <h2 id="interviews-heading">Interviews</h2>
      {interviews.length ? (
        <ul className="interview-list">
          {interviews.map((interview) => (
            <InterviewItem key={interview.id} id={id} view={view} interview={interview} />
          ))}
        </ul>
      ) : (
        <p>No interviews yet.</p>
      )}
      {canPropose ? (
        <p>
          <Link
            className="button button--secondary"
            href={`/admin/applications/${id}/interview${view ? `?${view}` : ''}`}
          >
            Propose an interview
          </Link>
        </p>
      ) : null}
    </section>
  );
}
