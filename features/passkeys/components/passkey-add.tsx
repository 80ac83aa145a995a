'use client';

import { startRegistration } from '@simplewebauthn/browser';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { FormError } from '@/components/ui/form-error';
import { RecoveryCodes } from '@/features/two-factor/components/two-factor-form';
import { beginAddPasskey, finishAddPasskey } from '../actions';
import { PASSKEY_NAME_MAX } from '../schemas';
import { usePasskeysSupported } from './supported';

/**
 * Adding a passkey: a name and the password, then the browser's own dialog (the device's PIN, fingerprint or
 * face, or a security key). The first second factor of an account brings its recovery codes, shown once here.
 */
export function PasskeyAdd({ email }: { email: string }) {
  const supported = usePasskeysSupported();
  const [error, setError] = useState<string>();
  const [added, setAdded] = useState<string>();
  const [codes, setCodes] = useState<string[]>();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  if (codes) return <RecoveryCodes codes={codes} />;

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const name = String(fields.get('name') ?? '');
    startTransition(async () => {
      setError(undefined);
      setAdded(undefined);
      const begun = await beginAddPasskey({ name, password: String(fields.get('password') ?? '') });
      if ('error' in begun) return setError(begun.error);
      const response = await startRegistration({ optionsJSON: begun.options }).catch((e: unknown) =>
        e instanceof Error && e.name === 'InvalidStateError' ? 'held' : null,
      );
      if (response === 'held') return setError('This device or password manager already holds a passkey for you.');
      if (!response) return setError('No passkey was made: the browser’s window was closed, or it timed out.');
      const finished = await finishAddPasskey(response);
      if (finished.error) return setError(finished.error);
      form.current?.reset();
      if (finished.codes) setCodes(finished.codes);
      else setAdded(`Passkey “${name.trim()}” added.`);
    });
  };

  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': 'passkey-error' } : {};
  return (
    <form ref={form} onSubmit={add} aria-labelledby="add-passkey-heading">
      <h3 id="add-passkey-heading">Add a passkey</h3>
      {error ? (
        <FormError title="The passkey was not added" id="passkey-error" level={4}>
          {error}
        </FormError>
      ) : null}
      <p role="status">{added}</p>
      {supported ? null : (
        <p className="field__hint">Adding a passkey needs JavaScript and a browser that can make passkeys.</p>
      )}
      <input type="text" name="username" autoComplete="username webauthn" value={email} readOnly hidden />
      <div className="field">
        <label className="field__label" htmlFor="passkey-name">
          Name
        </label>
        <p className="field__hint" id="passkey-name-hint">
          Where it is kept, so you can tell your passkeys apart: “Work laptop”, “Phone”, “Password manager”.
        </p>
        <input
          id="passkey-name"
          name="name"
          type="text"
          required
          maxLength={PASSKEY_NAME_MAX}
          autoComplete="off"
          aria-describedby="passkey-name-hint"
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="passkey-password">
          Your password
        </label>
        <input
          id="passkey-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...invalid}
        />
      </div>
      <button type="submit" className="button" disabled={!supported || pending}>
        Add a passkey
      </button>
    </form>
  );
}
