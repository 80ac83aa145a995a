import type { ReactNode } from 'react';

type Props = {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  optional?: boolean;
  /** Renders the control, given the ids it must reference for its hint and error. */
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
};

/** A labelled form field with its hint and error message, wired up for screen readers (GOV.UK pattern). */
export function Field({ id, label, hint, errors, optional, children }: Props) {
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {errors![0]}
        </p>
      ) : null}
      {children(describedBy, invalid)}
    </div>
  );
}
