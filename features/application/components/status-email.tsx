import Link from 'next/link';
import { STATUS_MESSAGE_MAX_CHARS } from '@/features/mail/status-messages';

// The parts the two email pages share (one application's status change, and a selection's): the answer when
// there is nothing to send, and the end of the form: the email, then send or cancel.

/** Why the page has no form, and the way back. */
export function NothingToSend({
  title,
  reason,
  back,
  backLabel,
}: {
  title: string;
  reason: string;
  back: string;
  backLabel: string;
}) {
  return (
    <article className="admin-detail">
      <h1>{title}</h1>
      <p>
        {reason} <Link href={back}>{backLabel}</Link>
      </p>
    </article>
  );
}

/** The email as the team will send it, editable, with the refusal of an empty or too long one above it. */
export function StatusEmailFields({
  id,
  message,
  refused,
  submit,
  back,
}: {
  id: string;
  message: string;
  /** The text of the refusal, when the last send was refused. */
  refused?: string;
  submit: string;
  back: string;
}) {
  const error = `${id}-error`;
  const hint = `${id}-hint`;
  return (
    <>
      {refused ? (
        <p className="error-summary" role="alert" id={error}>
          {refused} (at most {STATUS_MESSAGE_MAX_CHARS.toLocaleString('en')} characters), or go back and change the
          status without one.
        </p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Email
        </label>
        <textarea
          id={id}
          name="message"
          rows={14}
          required
          maxLength={STATUS_MESSAGE_MAX_CHARS}
          defaultValue={message}
          aria-describedby={refused ? `${error} ${hint}` : hint}
        />
        <p className="field__hint" id={hint}>
          A link to the candidate’s own page is added below your text.
        </p>
      </div>
      <button type="submit" className="button">
        {submit}
      </button>{' '}
      <Link href={back}>Cancel</Link>
    </>
  );
}
