import { describedBy, FieldMessages } from '@/components/ui/field';

/**
 * Checkboxes for machine names, each shown as code with its meaning (webhook events, API scopes), in a
 * fieldset that carries its hint and error for screen readers.
 */
export function CodeChoices<T extends string>({
  id,
  name,
  legend,
  hint,
  error,
  options,
  checked,
}: {
  id: string;
  name: string;
  legend: string;
  hint: string;
  error?: string;
  options: Readonly<Record<T, string>>;
  checked: (option: T) => boolean;
}) {
  const errors = error ? [error] : undefined;
  return (
    <fieldset className={error ? 'field field--error' : 'field'} aria-describedby={describedBy(id, hint, errors)}>
      <legend className="field__label">{legend}</legend>
      <FieldMessages id={id} hint={hint} errors={errors} />
      {(Object.entries(options) as [T, string][]).map(([option, meaning]) => (
        <div className="field field--checkbox" key={option}>
          <input id={`${id}-${option}`} type="checkbox" name={name} value={option} defaultChecked={checked(option)} />
          <label htmlFor={`${id}-${option}`}>
            <code>{option}</code>: {meaning}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A secret the site keeps no copy of (a signing secret, an API token): shown in this answer only. */
export function ShownOnce({
  id,
  label,
  value,
  children,
}: {
  id: string;
  label: string;
  value: string;
  children: React.ReactNode;
}) {
  return (
    <div className="notice">
      <p>{children}</p>
      <p>
        {label}:{' '}
        <code className="admin-code" id={id}>
          {value}
        </code>
      </p>
    </div>
  );
}
