import { FilterSelect } from '@/components/ui/filter-select';
import type { AlertFacets } from '@/features/alerts/facets';
import type { AlertChoice } from '@/features/alerts/filters';

/** The lists, with the alert's own value kept when no open posting has it any more. */
const options = (values: string[], current: string | null) =>
  (current && !values.includes(current) ? [...values, current] : values).map((v) => ({ value: v, label: v }));

/** What an alert asks for: team, department, location, remote only, how often. The sign-up's and the alert page's. */
export function AlertChoiceFields({ id, facets, choice }: { id: string; facets: AlertFacets; choice: AlertChoice }) {
  return (
    <>
      <div className="alert-signup__filters">
        {(
          [
            ['category', 'Team', 'Any team', facets.categories],
            ['department', 'Department', 'Any department', facets.departments],
            ['location', 'Location', 'Anywhere', facets.locations],
          ] as const
        )
          // A list with nothing in it (no posting names a department) is left out, unless the alert has a value.
          .filter(([name, , , values]) => values.length > 0 || choice[name] !== null)
          .map(([name, label, anyLabel, values]) => (
            <FilterSelect
              key={name}
              id={`${id}-${name}`}
              name={name}
              label={label}
              anyLabel={anyLabel}
              value={choice[name] ?? ''}
              options={options(values, choice[name])}
            />
          ))}
      </div>
      <div className="field field--checkbox">
        <input id={`${id}-remote`} name="remoteOnly" type="checkbox" defaultChecked={choice.remoteOnly} />
        <label htmlFor={`${id}-remote`}>Remote jobs only</label>
      </div>
      <fieldset className="field alert-signup__frequency">
        <legend className="field__label">How often</legend>
        {(
          [
            ['instant', 'As each job opens'],
            ['weekly', 'Once a week'],
          ] as const
        ).map(([value, label]) => (
          <div className="field--radio" key={value}>
            <input
              id={`${id}-${value}`}
              name="frequency"
              type="radio"
              value={value}
              defaultChecked={choice.frequency === value}
            />
            <label htmlFor={`${id}-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
