'use client';

import { useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { describedBy, FieldMessages } from '@/components/ui/field';
import type { ScorecardState } from '@/features/scorecards/actions';
import {
  NO_DECISION,
  ratingField,
  scorecardErrors,
  scorecardSchema,
  scorecardValues,
  type ScorecardErrors,
} from '@/features/scorecards/scorecard-form';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import { RATING_LABELS, RATINGS, type ScorecardAttribute } from '@/lib/scorecard';

export type ScorecardChoices = { ratings: Record<string, string>; overall: string; note: string };

type Props = {
  id: number;
  view: string;
  attributes: readonly ScorecardAttribute[];
  /** The viewer's card as submitted, to change it; null before their first. */
  mine: ScorecardChoices | null;
  action: (state: ScorecardState, form: FormData) => Promise<ScorecardState>;
};

const OVERALL_CHOICES = [...RATINGS.map((r) => [String(r), RATING_LABELS[r]]), [NO_DECISION, 'No decision']] as const;

// Long: one form's markup, in the order it reads; its fields share the error wiring declared at the top.
/**
 * The viewer's own scorecard. The browser checks it with the server's schema before sending (and says what is
 * missing, by field); without JavaScript the server's answer comes back with the page.
 */
export function ScorecardForm({ id, view, attributes, mine, action }: Props) {
  const permalink = `/admin/applications/${id}${view ? `?${view}` : ''}`;
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  const [checked, setChecked] = useState<ScorecardErrors | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const schema = useMemo(() => scorecardSchema(attributes), [attributes]);
  const errors = checked ?? state.errors ?? {};
  const chosen = state.values ?? mine;
  const problems = Object.entries(errors);
  const refused = problems.length > 0 || Boolean(state.message);

  // Each refused submission moves focus to the summary, so what is missing is read out; `autoFocus` does the
  // same on the page the server sends back without JavaScript.
  useEffect(() => {
    if (refused) summary.current?.focus();
  }, [refused, checked, state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = schema.safeParse(scorecardValues(new FormData(event.currentTarget)));
    if (parsed.success) return setChecked(null);
    event.preventDefault();
    setChecked(scorecardErrors(parsed.error));
  }

  const fieldId = (key: string) => {
    if (key === 'overall') return 'scorecard-overall';
    if (key === 'note') return 'scorecard-note';
    const index = attributes.findIndex((a) => ratingField(a.name) === key);
    return index >= 0 ? `scorecard-rating-${index}` : 'scorecard-rating-0';
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="view" value={view} />
      {refused ? (
        <div className="error-summary" tabIndex={-1} ref={summary} autoFocus aria-labelledby="scorecard-summary-title">
          <h4 className="error-summary__title" id="scorecard-summary-title">
            Your scorecard is not saved yet
          </h4>
          {state.message && !checked ? <p>{state.message}</p> : null}
          <ul className="error-summary__list">
            {problems.map(([key, message]) => (
              <li key={key}>
                <a href={`#${fieldId(key)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {attributes.map((attribute, i) => {
        const field = ratingField(attribute.name);
        const error = errors[field];
        const base = `scorecard-rating-${i}`;
        return (
          <fieldset
            key={attribute.name}
            className={error ? 'field field--error field--group' : 'field field--group'}
            aria-describedby={describedBy(base, attribute.hint, error ? [error] : undefined)}
          >
            <legend className="field__label">{attribute.name}</legend>
            <FieldMessages id={base} hint={attribute.hint} errors={error ? [error] : undefined} />
            <div className="scorecard-choices">
              {RATINGS.map((rating, r) => (
                <div className="choice" key={rating}>
                  <input
                    id={r === 0 ? base : `${base}-${rating}`}
                    type="radio"
                    name={field}
                    value={rating}
                    defaultChecked={chosen?.ratings[attribute.name] === String(rating)}
                  />
                  <label htmlFor={r === 0 ? base : `${base}-${rating}`}>{RATING_LABELS[rating]}</label>
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      <fieldset
        className={errors.overall ? 'field field--error field--group' : 'field field--group'}
        aria-describedby={describedBy('scorecard-overall', true, errors.overall ? [errors.overall] : undefined)}
      >
        <legend className="field__label">Overall recommendation</legend>
        <FieldMessages
          id="scorecard-overall"
          hint="Should we hire them? No decision leaves your card out of the mean."
          errors={errors.overall ? [errors.overall] : undefined}
        />
        <div className="scorecard-choices">
          {OVERALL_CHOICES.map(([value, label], r) => (
            <div className="choice" key={value}>
              <input
                id={r === 0 ? 'scorecard-overall' : `scorecard-overall-${value}`}
                type="radio"
                name="overall"
                value={value}
                defaultChecked={chosen?.overall === value}
              />
              <label htmlFor={r === 0 ? 'scorecard-overall' : `scorecard-overall-${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className={errors.note ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="scorecard-note">
          Note <span className="field__optional">(optional)</span>
        </label>
        <FieldMessages
          id="scorecard-note"
          hint="Why: what in the application tells you so."
          errors={errors.note ? [errors.note] : undefined}
        />
        <textarea
          id="scorecard-note"
          name="note"
          rows={4}
          maxLength={NOTE_MAX_CHARS}
          defaultValue={chosen?.note ?? ''}
          aria-describedby={describedBy('scorecard-note', true, errors.note ? [errors.note] : undefined)}
          aria-invalid={errors.note ? true : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {mine ? 'Update my scorecard' : 'Submit my scorecard'}
      </button>
    </form>
  );
}
