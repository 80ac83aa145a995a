import type { RefObject } from 'react';

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
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
