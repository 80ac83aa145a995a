'use client';

import { useActionState } from 'react';
import { CodeChoices, ShownOnce } from '@/components/ui/code-choices';
import { Field } from '@/components/ui/field';
import type { TokenFormState } from '@/features/api/actions';
import { API_SCOPE_LABELS } from '@/lib/api-scopes';

// Long: one form's markup and its answer, the token shown once.
/** Creating an API token; works without JavaScript (useActionState with the page as permalink). */
export function TokenForm({ action }: { action: (state: TokenFormState, form: FormData) => Promise<TokenFormState> }) {
  const [state, formAction, pending] = useActionState(action, {}, '/admin/api-tokens');
  const errors = state.errors ?? {};
  const values = state.created ? undefined : state.values;
  const scopesHint = 'Give a token only what its program needs.';
  return (
    <form action={formAction} className="admin-form" noValidate>
      {errors.form ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Field
        id="token-name"
        label="Name"
        hint="What uses it, so you know which to revoke."
        errors={errors.name ? [errors.name] : undefined}
      >
        {(ids, invalid) => (
          <input
            id="token-name"
            name="name"
            type="text"
            autoComplete="off"
            required
            maxLength={100}
            defaultValue={values?.name ?? ''}
            aria-invalid={invalid || undefined}
            aria-describedby={ids}
          />
        )}
      </Field>
      <CodeChoices
        id="token-scope"
        name="scopes"
        legend="Scopes"
        hint={scopesHint}
        error={errors.scopes}
        options={API_SCOPE_LABELS}
        checked={(scope) => (values ? values.scopes.includes(scope) : scope === 'applications:read')}
      />
      <button type="submit" className="button" disabled={pending}>
        Create the token
      </button>
      <div role="status">
        {state.created ? (
          <ShownOnce id="api-token" label="Token" value={state.created.token}>
            Token “{state.created.name}” created. Copy it into the program that uses it now: it is not shown again.
          </ShownOnce>
        ) : null}
      </div>
    </form>
  );
}
