import { FilterSelect } from '@/components/ui/filter-select';
import { PERIOD_DAYS, PERIOD_LABELS, type DashboardQuery } from '../query';

/** The posting and period the numbers are for: a plain GET form, so it works without JavaScript. */
export function DashboardFilters({
  query,
  postings,
  ignored,
}: {
  query: DashboardQuery;
  postings: { slug: string; title: string }[];
  ignored: ('posting' | 'days')[];
}) {
  return (
    <>
      {ignored.length ? (
        <div className="notice" role="status">
          <p>
            {ignored.includes('posting') ? 'The posting in the address is not one there is. ' : ''}
            {ignored.includes('days') ? 'The period in the address is not one of those offered. ' : ''}
            The numbers below are for the choices shown.
          </p>
        </div>
      ) : null}
      <form method="get" className="filters filters--compact" aria-label="Numbers for">
        <FilterSelect
          id="dashboard-posting"
          name="posting"
          label="Posting"
          anyLabel="All postings"
          value={query.posting}
          options={postings.map((p) => ({ value: p.slug, label: p.title }))}
        />
        <div className="field">
          <label className="field__label" htmlFor="dashboard-days">
            Period
          </label>
          <select id="dashboard-days" name="days" defaultValue={String(query.days)}>
            {PERIOD_DAYS.map((days) => (
              <option key={days} value={days}>
                {PERIOD_LABELS[days]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>
    </>
  );
}
