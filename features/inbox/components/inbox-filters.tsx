import Link from 'next/link';
import { FilterSelect } from '@/components/ui/filter-select';
import type { InboxFilter } from '@/features/inbox/filter';
import { APPLICATION_STATUSES, STATUS_LABELS } from '@/lib/status';

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
      <FilterSelect
        id="posting"
        name="posting"
        label="Posting"
        anyLabel="All postings"
        value={filter.posting}
        options={postings.map((p) => ({ value: p.slug, label: p.title }))}
      />
      <FilterSelect
        id="status"
        name="status"
        label="Status"
        anyLabel="Any status"
        value={filter.status}
        options={APPLICATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
      />
      <FilterSelect
        id="source"
        name="source"
        label="Source"
        anyLabel="Any source"
        value={filter.source}
        options={sourceOptions.map((source) => ({ value: source, label: source }))}
      />
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
