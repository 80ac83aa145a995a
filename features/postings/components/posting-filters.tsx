import Link from 'next/link';
import { FilterSelect } from '@/components/ui/filter-select';

/** A plain GET form: filters live in the URL, work without JavaScript and can be bookmarked. */
export function PostingFilters({ categories, category, q }: { categories: string[]; category: string; q: string }) {
  return (
    <form className="filters" method="get" action="/careers" role="search" aria-label="Filter positions">
      <div className="field">
        <label className="field__label" htmlFor="filter-q">
          Search
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={q} placeholder="Title, skill or location" />
      </div>
      <FilterSelect
        id="filter-category"
        name="category"
        label="Team"
        anyLabel="All teams"
        value={category}
        options={categories.map((c) => ({ value: c, label: c }))}
      />
      <button type="submit" className="button button--secondary">
        Show positions
      </button>
      {category || q ? (
        <Link className="filters__clear" href="/careers">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
