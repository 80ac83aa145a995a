import { formatDateTime } from '@/components/ui/utc-date';
import type { ScorecardState } from '@/features/scorecards/actions';
import { NO_DECISION } from '@/features/scorecards/scorecard-form';
import { RATING_LABELS, type AttributeRating, type Overall, type ScorecardAttribute } from '@/lib/scorecard';
import { ScorecardForm } from './scorecard-form';

type Card = { author: string; ratings: AttributeRating[]; overall: Overall; note: string | null; submittedAt: Date };

type Props = {
  id: number;
  view: string;
  scorecards: {
    attributes: readonly ScorecardAttribute[];
    mine: Card | null;
    others: Card[] | null;
    othersSubmitted: number;
  };
  action: (state: ScorecardState, form: FormData) => Promise<ScorecardState>;
};

const colleagues = (n: number) => (n === 1 ? '1 colleague has' : `${n} colleagues have`);

/**
 * The application's scorecards: the colleagues' cards once the viewer may see them (blind until their own is
 * in, features/scorecards/queries.ts decides), and the viewer's own form. Its id is what the `s` key focuses.
 */
export function Scorecards({ id, view, scorecards: { attributes, mine, others, othersSubmitted }, action }: Props) {
  return (
    <section id="scorecard" aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading">Scorecards</h2>
      {others === null ? (
        <p>
          {othersSubmitted ? colleagues(othersSubmitted) : 'No colleague has'} submitted; yours first, then you see
          theirs.
        </p>
      ) : others.length ? (
        <ul className="scorecard-cards" aria-label="Your colleagues’ scorecards">
          {others.map((card) => (
            <li key={card.author}>
              <ScorecardCard card={card} />
            </li>
          ))}
        </ul>
      ) : (
        <p>No colleague has submitted a scorecard yet.</p>
      )}
      <h3>Your scorecard</h3>
      {mine ? (
        <p>
          You submitted it <time dateTime={mine.submittedAt.toISOString()}>{formatDateTime(mine.submittedAt)}</time>;
          change it below and submit again.
        </p>
      ) : null}
      <ScorecardForm
        key={mine?.submittedAt.toISOString() ?? 'new'}
        id={id}
        view={view}
        attributes={attributes}
        mine={mine ? choices(mine) : null}
        action={action}
      />
    </section>
  );
}

/** The form's choices from a stored card: ratings by attribute name, the overall as posted. */
function choices(card: Card) {
  return {
    ratings: Object.fromEntries(card.ratings.map((r) => [r.attribute, String(r.rating)])),
    overall: card.overall === null ? NO_DECISION : String(card.overall),
    note: card.note ?? '',
  };
}

function ScorecardCard({ card }: { card: Card }) {
  return (
    <article className="scorecard-card" aria-label={`Scorecard by ${card.author}`}>
      <h4>{card.author}</h4>
      <dl className="admin-fields">
        {card.ratings.map((r) => (
          <div key={r.attribute} className="admin-fields__answer">
            <dt>{r.attribute}</dt>
            <dd>{RATING_LABELS[r.rating]}</dd>
          </div>
        ))}
        <div className="admin-fields__answer">
          <dt>Overall</dt>
          <dd>{card.overall === null ? 'No decision' : RATING_LABELS[card.overall]}</dd>
        </div>
      </dl>
      {card.note ? <p className="admin-letter">{card.note}</p> : null}
      <p className="admin-notes__meta">
        Submitted <time dateTime={card.submittedAt.toISOString()}>{formatDateTime(card.submittedAt)}</time>
      </p>
    </article>
  );
}
