'use client';

import { useActionState } from 'react';
import { removePasskeyForm, renamePasskeyForm, type PasskeyState } from '../actions';
import { PASSKEY_NAME_MAX } from '../schemas';

/**
 * A passkey's own forms: rename, and remove after the password (inside a disclosure, so removing takes a
 * deliberate second step). Form actions under useActionState: they work without JavaScript too.
 */
export function PasskeyForms({ id, name, permalink }: { id: number; name: string; permalink: string }) {
  const [renamed, rename, renaming] = useActionState<PasskeyState, FormData>(renamePasskeyForm, {}, permalink);
  const [removed, remove, removing] = useActionState<PasskeyState, FormData>(removePasskeyForm, {}, permalink);
  const renameId = `passkey-${id}-name`;
  const passwordId = `passkey-${id}-password`;
  return (
    <div className="passkey-forms">
      <form action={rename}>
        <input type="hidden" name="id" value={id} />
        {renamed.error ? (
          <p className="field__error" role="alert" id={`${renameId}-error`}>
            {renamed.error}
          </p>
        ) : null}
        <label className="field__label" htmlFor={renameId}>
          Name of “{name}”
        </label>
        <input
          id={renameId}
          name="name"
          type="text"
          defaultValue={name}
          required
          maxLength={PASSKEY_NAME_MAX}
          autoComplete="off"
          {...(renamed.error ? { 'aria-invalid': true, 'aria-describedby': `${renameId}-error` } : {})}
        />
        <button type="submit" className="button button--secondary" disabled={renaming}>
          Rename
        </button>
      </form>
      <details open={Boolean(removed.error)}>
        <summary>Remove “{name}”…</summary>
        <form action={remove}>
          <input type="hidden" name="id" value={id} />
          {removed.error ? (
            <p className="field__error" role="alert" id={`${passwordId}-error`}>
              {removed.error}
            </p>
          ) : null}
          <label className="field__label" htmlFor={passwordId}>
            Your password, to remove it
          </label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            {...(removed.error ? { 'aria-invalid': true, 'aria-describedby': `${passwordId}-error` } : {})}
          />
          <button type="submit" className="button button--danger" disabled={removing}>
            Remove the passkey
          </button>
        </form>
      </details>
    </div>
  );
}
