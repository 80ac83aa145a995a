import Link from 'next/link';
import type { InboxFilter } from '@/lib/admin/filter';
import { APPLICATION_STATUSES, STATUS_LABELS } from '@/lib/application/status';

type Props = { filter: InboxFilter; postings: { slug: string; title: string }[]; sources: string[] };

/** A plain GET form: the view lives in the URL, so it can be bookmarked, shared and used without JavaScript. */
export function InboxFilters({ filter, postings, sources }: Props) {
  // A source from a shared link that no application has (any more) stays selected, so the view says what it shows.
  const sourceOptions = filter.source && !sources.includes(filter.source) ? [filter.source, ...sources] : sources;
  return (
    <form method="get" action="/admin" className="filters" role="search" aria-label="Filter applications">
      <div className="field">
        <label className="field__label" htmlFor="q">
          Search
        </label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} placeholder="Name, email or cover letter" />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="posting">
          Posting
        </label>
        <select id="posting" name="posting" defaultValue={filter.posting ?? ''}>
          <option value="">All postings</option>
          {postings.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="status">
          Status
        </label>
        <select id="status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">Any status</option>
          {APPLICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="source">
          Source
        </label>
        <select id="source" name="source" defaultValue={filter.source ?? ''}>
          <option value="">Any source</option>
          {sourceOptions.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="from">
          Received from
        </label>
        <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="to">
          Received to
        </label>
        <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} />
      </div>
      <div className="field field--checkbox">
        <input id="assigned" name="assigned" type="checkbox" value="me" defaultChecked={filter.assigned === 'me'} />
        <label htmlFor="assigned">Assigned to me</label>
      </div>
      <button type="submit" className="button">
        Apply filters
      </button>
      <Link href="/admin" className="filters__clear">
        Clear filters
      </Link>
    </form>
  );
}
