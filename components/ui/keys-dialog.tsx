import type { RefObject } from 'react';
import { setKeysOn, useKeysOn } from './keys-setting';

/** The list of a page's keyboard keys, opened with `?` or its link: the same keys the page's handler knows. */
export function KeysDialog({
  ref,
  id,
  title,
  keys,
}: {
  ref: RefObject<HTMLDialogElement | null>;
  id: string;
  title: string;
  keys: readonly { keys: string; does: string }[];
}) {
  const on = useKeysOn();
  return (
    <dialog ref={ref} aria-labelledby={id} className="triage-dialog">
      <h2 id={id}>{title}</h2>
      <p>They do nothing while you type in a field.</p>
      <dl>
        {keys.map(({ keys, does }) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
      <div className="field field--checkbox">
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={on}
          onChange={(event) => setKeysOn(event.currentTarget.checked)}
        />
        <label htmlFor={`${id}-on`}>Use these keys (in this browser; turn them off if they get in the way)</label>
      </div>
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
