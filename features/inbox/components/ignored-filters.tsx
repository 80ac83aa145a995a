import type { FilterKey } from '@/features/inbox/filter';

const WHY: Record<FilterKey, string> = {
  q: 'Search: not something that can be searched for',
  posting: 'Posting: no posting has that name',
  status: 'Status: not one of the statuses',
  source: 'Source: longer than any source (100 characters)',
  from: 'Received from: not a date',
  to: 'Received to: not a date',
  assigned: 'Assigned: only "me" can be asked for',
};

/** Filters in the address that could not be applied, named so the view is never silently wider than asked. */
export function IgnoredFilters({ ignored }: { ignored: readonly FilterKey[] }) {
  if (ignored.length === 0) return null;
  return (
    <div className="notice" role="status">
      <p>These filters in the address were not applied:</p>
      <ul>
        {ignored.map((key) => (
          <li key={key}>{WHY[key]}</li>
        ))}
      </ul>
    </div>
  );
}
