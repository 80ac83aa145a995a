import type { AlertFacets } from '@/features/alerts/facets';
import type { AlertChoice } from '@/features/alerts/filters';
import { AlertChoiceFields } from './alert-choice-fields';

/** A confirmed alert's filters and frequency, to change; its token rides along in a hidden field. */
export function AlertSettings({ token, facets, choice }: { token: string; facets: AlertFacets; choice: AlertChoice }) {
  return (
    <form method="post" action="/alerts/manage/update" className="alert-signup__form">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="action" value="save" />
      <AlertChoiceFields id="manage" facets={facets} choice={choice} />
      <button type="submit" className="button">
        Save changes
      </button>
    </form>
  );
}

/** One button posting one action for the alert (confirm, keep, leave). */
export function AlertAction({
  token,
  action,
  label,
  secondary,
}: {
  token: string;
  action: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action="/alerts/manage/update">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" className={secondary ? 'button button--secondary' : 'button'}>
        {label}
      </button>
    </form>
  );
}

/** The alert in words: what it sends, and how often. */
export function describeAlert(choice: AlertChoice): string {
  const what = [
    choice.category ? `${choice.category} jobs` : 'jobs in any team',
    choice.department ? `in ${choice.department}` : null,
    choice.location ? `in ${choice.location}` : null,
    choice.remoteOnly ? 'that are remote' : null,
  ]
    .filter(Boolean)
    .join(' ');
  return `New ${what}, ${choice.frequency === 'weekly' ? 'once a week' : 'as each opens'}`;
}
