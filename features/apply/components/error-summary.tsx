import type { FieldErrors } from '@/features/apply/state';
import { fieldId } from './field-ids';
import { useFocusOnMount } from './use-focus-on-mount';

type Props = { errors: FieldErrors; message?: string; order: readonly string[] };

/**
 * The GOV.UK error summary: first thing in the form, focused when it appears and after every refused
 * submission (autoFocus works with and without JavaScript), each error a link to its field.
 */
export function ErrorSummary({ errors, message, order }: Props) {
  const ref = useFocusOnMount<HTMLDivElement>(errors);
  const entries = order.flatMap((field) => (errors[field]?.length ? [[field, errors[field]![0]!] as const] : []));
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} autoFocus aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      {message ? <p className="error-summary__message">{message}</p> : null}
      {entries.length ? (
        <ul className="error-summary__list">
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${fieldId(field)}`}>{text}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
