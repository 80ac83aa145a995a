'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { describedBy, FieldMessages } from '@/components/ui/field';
import type { ProposalState } from '@/features/interviews/actions';
import type { ProposalErrors } from '@/features/interviews/schemas';
import { INTERVIEW_KIND_LABELS, INTERVIEW_KINDS } from '@/lib/interview';

type Props = {
  id: number;
  view: string;
  /** Who can open this application: only they can interview. */
  people: { id: number; email: string }[];
  viewerId: number;
  defaultZone: string;
  /** The zone list, rendered on the server (four hundred options the client need not build). */
  zones: ReactNode;
  action: (state: ProposalState, form: FormData) => Promise<ProposalState>;
};

const FIELD_IDS: Record<keyof ProposalErrors, string> = {
  title: 'interview-title',
  kind: 'interview-kind',
  durationMinutes: 'interview-duration',
  location: 'interview-location',
  interviewerIds: 'interview-interviewers',
  timeZone: 'interview-zone',
  times: 'interview-times',
  cutoffHours: 'interview-cutoff',
  message: 'interview-message',
};

// Long: one form's markup, in the order it reads.
/**
 * Proposing an interview: what, how long, who, where, and the times offered (one per line, or windows cut
 * into slots). The server checks everything and answers with the errors by field, with or without JavaScript.
 */
export function ProposalForm({ id, view, people, viewerId, defaultZone, zones, action }: Props) {
  // The form's own page: without JavaScript the answer comes back there, errors and all.
  const permalink = `/admin/applications/${id}/interview${view ? `?${view}` : ''}`;
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  const summary = useRef<HTMLDivElement>(null);
  const errors = state.errors ?? {};
  const problems = Object.entries(errors) as [keyof ProposalErrors, string[]][];
  const refused = problems.length > 0 || Boolean(state.message);
  const sent = state.values;
  const text = (key: string, fallback = '') => (typeof sent?.[key] === 'string' ? (sent[key] as string) : fallback);
  const chosen = new Set(Array.isArray(sent?.interviewerIds) ? sent.interviewerIds : [String(viewerId)]);

  useEffect(() => {
    if (refused) summary.current?.focus();
  }, [refused, state]);

  /** A labelled field whose control gets its id, name, sent value and error wiring from its key. */
  const field = (
    key: keyof ProposalErrors,
    label: string,
    hint: string | undefined,
    control: (wired: {
      id: string;
      name: string;
      defaultValue: string;
      'aria-describedby': string | undefined;
      'aria-invalid': true | undefined;
    }) => ReactNode,
    fallback = '',
  ) => (
    <div className={errors[key] ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={FIELD_IDS[key]}>
        {label}
      </label>
      <FieldMessages id={FIELD_IDS[key]} hint={hint} errors={errors[key]} />
      {control({
        id: FIELD_IDS[key],
        name: key,
        defaultValue: text(key, fallback),
        'aria-describedby': describedBy(FIELD_IDS[key], hint, errors[key]),
        'aria-invalid': errors[key] ? true : undefined,
      })}
    </div>
  );

  return (
    <form action={formAction} noValidate className="interview-proposal">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="view" value={view} />
      {refused ? (
        <div className="error-summary" tabIndex={-1} ref={summary} autoFocus aria-labelledby="interview-summary-title">
          <h4 className="error-summary__title" id="interview-summary-title">
            The interview is not proposed yet
          </h4>
          {state.message ? <p>{state.message}</p> : null}
          <ul className="error-summary__list">
            {problems.flatMap(([key, messages]) =>
              messages.map((message) => (
                <li key={`${key}-${message}`}>
                  <a href={`#${FIELD_IDS[key]}`}>{message}</a>
                </li>
              )),
            )}
          </ul>
        </div>
      ) : null}
      {field(
        'title',
        'Title',
        'What the candidate and the calendars will read, e.g. “Technical interview”.',
        (wired) => (
          <input {...wired} type="text" maxLength={120} />
        ),
      )}
      <fieldset
        className={errors.kind ? 'field field--error field--group' : 'field field--group'}
        aria-describedby={describedBy('interview-kind', undefined, errors.kind)}
      >
        <legend className="field__label">How</legend>
        <FieldMessages id="interview-kind" errors={errors.kind} />
        <div className="scorecard-choices">
          {INTERVIEW_KINDS.map((kind, i) => (
            <div className="choice" key={kind}>
              <input
                id={i === 0 ? 'interview-kind' : `interview-kind-${kind}`}
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={text('kind', 'video') === kind}
              />
              <label htmlFor={i === 0 ? 'interview-kind' : `interview-kind-${kind}`}>
                {INTERVIEW_KIND_LABELS[kind]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {field('location', 'Where', 'The video link (https://…), the address, or how the phone call works.', (wired) => (
        <input {...wired} type="text" maxLength={500} />
      ))}
      {field(
        'durationMinutes',
        'Length in minutes',
        undefined,
        (wired) => (
          <input {...wired} type="number" min={15} max={480} step={5} inputMode="numeric" />
        ),
        '45',
      )}
      <fieldset
        className={errors.interviewerIds ? 'field field--error field--group' : 'field field--group'}
        aria-describedby={describedBy(
          'interview-interviewers',
          'Only people who can open this application.',
          errors.interviewerIds,
        )}
      >
        <legend className="field__label">Interviewers</legend>
        <FieldMessages
          id="interview-interviewers"
          hint="Only people who can open this application."
          errors={errors.interviewerIds}
        />
        {people.map((person, i) => (
          <div className="choice" key={person.id}>
            <input
              id={i === 0 ? 'interview-interviewers' : `interview-interviewer-${person.id}`}
              type="checkbox"
              name="interviewerIds"
              value={person.id}
              defaultChecked={chosen.has(String(person.id))}
            />
            <label htmlFor={i === 0 ? 'interview-interviewers' : `interview-interviewer-${person.id}`}>
              {person.email}
              {person.id === viewerId ? ' (you)' : ''}
            </label>
          </div>
        ))}
      </fieldset>
      {field(
        'timeZone',
        'Time zone of the times below',
        undefined,
        (wired) => (
          <select {...wired}>{zones}</select>
        ),
        defaultZone,
      )}
      {field(
        'times',
        'Times offered',
        'One per line: 2026-12-10 14:00 for one time, 2026-12-10 09:00-12:00 for a window cut into slots of the length above. An interviewer booked elsewhere at a time is refused.',
        (wired) => (
          <textarea {...wired} rows={5} />
        ),
      )}
      {field(
        'cutoffHours',
        'Candidate can change or cancel until (hours before)',
        undefined,
        (wired) => (
          <input {...wired} type="number" min={0} max={168} inputMode="numeric" />
        ),
        '24',
      )}
      {field('message', 'Message to the candidate (optional)', 'Sent with the link to choose a time.', (wired) => (
        <textarea {...wired} rows={3} maxLength={2000} />
      ))}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Proposing…' : 'Propose the interview'}
      </button>
    </form>
  );
}
