'use client';

import { useActionState, useEffect, useRef, useState, useTransition } from 'react';
import type { Question } from '@/features/apply/questions';
import {
  initialApplyState,
  keptValues,
  type ApplyState,
  type FieldErrors,
  type KeptValues,
} from '@/features/apply/state';
import type { Enhancement } from './enhance';

type ApplyAction = (state: ApplyState, form: FormData) => Promise<ApplyState>;

/** What the browser found, until the next answer from the server replaces it. */
type BrowserCheck = { errors: FieldErrors; covered: readonly string[]; summary: FieldErrors | null };

const UNSENT =
  'Your application could not be sent: the connection failed or the server is busy. Nothing was stored. Please wait a minute and send it again.';

/**
 * The apply form's state: the server's last answer (posted without JavaScript, or sent by the enhanced form)
 * and, once browser validation has loaded, what the browser found since. `enhance` loads the validation on the
 * first focus or tap; from then on a valid form calls the action directly, so a refused request (429 from the
 * proxy, a network failure) becomes a message on the form instead of an error page that loses what was typed.
 */
export function useApplyForm(action: ApplyAction, questions: readonly Question[]) {
  const [posted, formAction, postPending] = useActionState(action, initialApplyState);
  const [sent, setSent] = useState<ApplyState | null>(null);
  const [sending, startSending] = useTransition();
  const state = sent ?? posted;
  const [check, setCheck] = useState<BrowserCheck | null>(null);
  // A new answer from the server replaces what the browser found before it.
  const [checkedState, setCheckedState] = useState(state);
  if (checkedState !== state) {
    setCheckedState(state);
    setCheck(null);
  }

  const formRef = useRef<HTMLFormElement>(null);
  const enhancement = useRef<Promise<() => void> | null>(null);
  useEffect(() => () => void enhancement.current?.then((undo) => undo()), []);
  const enhance = () => {
    const form = formRef.current;
    if (enhancement.current || !form) return;
    const callbacks: Enhancement = {
      onErrors: (errors, covered, submitted) =>
        setCheck((before) => ({ errors, covered, summary: submitted ? errors : (before?.summary ?? null) })),
      onValid: (data) =>
        startSending(async () => {
          try {
            // A stored application sends the browser on to the confirmation page; only a refusal comes back.
            const refused = await action(initialApplyState, data);
            if (refused) setSent(refused);
          } catch {
            setSent({ status: 'error', errors: {}, values: keptValues(data), message: UNSENT });
          }
        }),
    };
    enhancement.current = import('./enhance').then(({ enhanceApplyForm }) =>
      enhanceApplyForm(form, questions, callbacks),
    );
  };

  const server: { errors: FieldErrors; values: KeptValues; message?: string } =
    state.status === 'error' ? state : { errors: {}, values: {} };
  // Fields the browser has validated show its verdict; the others keep what the server said.
  const errors: FieldErrors = { ...server.errors };
  for (const field of check?.covered ?? []) errors[field] = check?.errors[field];
  return {
    formRef,
    formAction,
    enhance,
    errors,
    values: server.values,
    summary: check?.summary ?? (state.status === 'error' ? server.errors : null),
    message: check?.summary ? undefined : (server.message ?? server.errors.slug?.[0]),
    pending: postPending || sending,
  };
}
