import type { ReactNode } from 'react';

type Props = {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  optional?: boolean;
  /** Renders the control, given the ids it must reference for its hint and error. */
  children: (ids: string | undefined, invalid: boolean) => ReactNode;
};

/** A labelled form field with its hint and error message, wired up for screen readers (GOV.UK pattern). */
export function Field({ id, label, hint, errors, optional, children }: Props) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <FieldMessages id={id} hint={hint} errors={errors} />
      {children(describedBy(id, hint, errors), invalid)}
    </div>
  );
}

/** The ids a control (or a fieldset) must name in aria-describedby: its hint and its error, when shown. */
export function describedBy(id: string, hint: ReactNode, errors: string[] | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and first error, with the ids {@link describedBy} points at. */
export function FieldMessages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {errors[0]}
        </p>
      ) : null}
    </>
  );
}
