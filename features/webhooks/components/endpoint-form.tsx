'use client';

import { useActionState } from 'react';
import { CodeChoices, ShownOnce } from '@/components/ui/code-choices';
import { Field } from '@/components/ui/field';
import type { EndpointFormState } from '@/features/webhooks/actions';
import { WEBHOOK_EVENT_LABELS } from '@/lib/webhook-events';

// Long: one form's markup and its answer, the secret shown once.
/**
 * Adding an endpoint. useActionState with the page as permalink, so without JavaScript the form posts and the page
 * comes back with its answer, as with it. The secret is in that answer only: it is not shown again.
 */
export function EndpointForm({
  action,
}: {
  action: (state: EndpointFormState, form: FormData) => Promise<EndpointFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, {}, '/admin/webhooks');
  const errors = state.errors ?? {};
  const values = state.created ? undefined : state.values;
  const eventsHint = 'Each delivery names its event; a receiver can listen for several.';
  return (
    <form action={formAction} className="admin-form" noValidate>
      {errors.form ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Field
        id="endpoint-url"
        label="URL"
        hint="Where the events are posted, as JSON: an https address of your chat tool, HR system or automation."
        errors={errors.url ? [errors.url] : undefined}
      >
        {(ids, invalid) => (
          <input
            id="endpoint-url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            required
            maxLength={2000}
            defaultValue={values?.url ?? ''}
            aria-invalid={invalid || undefined}
            aria-describedby={ids}
          />
        )}
      </Field>
      <CodeChoices
        id="endpoint-event"
        name="events"
        legend="Events"
        hint={eventsHint}
        error={errors.events}
        options={WEBHOOK_EVENT_LABELS}
        checked={(event) => (values ? values.events.includes(event) : event === 'application.created')}
      />
      <Field
        id="endpoint-description"
        label="Description"
        optional
        errors={errors.description ? [errors.description] : undefined}
      >
        {(ids, invalid) => (
          <input
            id="endpoint-description"
            name="description"
            type="text"
            maxLength={200}
            defaultValue={values?.description ?? ''}
            aria-invalid={invalid || undefined}
            aria-describedby={ids}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        Add the endpoint
      </button>
      <div role="status">
        {state.created ? (
          <ShownOnce id="endpoint-secret" label="Signing secret" value={state.created.secret}>
            Endpoint added: <a href={`/admin/webhooks/${state.created.id}`}>{state.created.url}</a>. Its signing secret
            is below. Copy it into the receiver now: it is not shown again.
          </ShownOnce>
        ) : null}
      </div>
    </form>
  );
}
