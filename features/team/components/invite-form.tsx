'use client';

import { useActionState } from 'react';
import type { InviteState } from '@/features/team/actions';
import { ROLE_HINTS, ROLE_LABELS, ROLES } from '@/lib/roles';

// Long: one form's markup and its answer after sending.
/**
 * Inviting a colleague. useActionState with the page as permalink: without JavaScript the form posts, the
 * action runs and the page comes back with its answer, the same as with it.
 */
export function InviteForm({ action }: { action: (state: InviteState, form: FormData) => Promise<InviteState> }) {
  const [state, formAction, pending] = useActionState(action, {}, '/admin/team');
  return (
    <form action={formAction} className="admin-form" aria-describedby="invite-status">
      <div className="field">
        <label className="field__label" htmlFor="invite-email">
          Their email address
        </label>
        <input
          id="invite-email"
          name="email"
          type="email"
          autoComplete="off"
          required
          maxLength={254}
          defaultValue={state.error ? state.values?.email : ''}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? 'invite-error' : undefined}
        />
      </div>
      <fieldset className="field">
        <legend className="field__label">Role</legend>
        {ROLES.map((role) => (
          <div className="field field--checkbox" key={role}>
            <input
              id={`invite-role-${role}`}
              type="radio"
              name="role"
              value={role}
              defaultChecked={(state.error ? state.values?.role : 'reviewer') === role}
            />
            <label htmlFor={`invite-role-${role}`}>
              {ROLE_LABELS[role]}: {ROLE_HINTS[role]}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        Send the invitation
      </button>
      <div id="invite-status" role="status">
        {state.error ? (
          <p id="invite-error" className="field__error">
            {state.error}
          </p>
        ) : null}
        {state.invited ? (
          <p className="notice">
            Invitation sent to {state.invited}. The link works once, for seven days.
            {state.link ? (
              <>
                {' '}
                Email is not configured on this server, so pass this link on yourself:{' '}
                <code className="admin-code">{state.link}</code>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </form>
  );
}
