'use client';

import { lazy, Suspense, useActionState, useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { answerField } from '@/lib/application/answer-field';
import type { Question } from '@/lib/application/questions';
import { initialApplyState, keptValues, type ApplyState, type FieldErrors } from '@/lib/application/state';
import { COVER_LETTER_MAX_CHARS } from '@/lib/limits';
import { describedBy, Field, FieldMessages } from '@/components/ui/field';
import { ErrorSummary } from './error-summary';
import { fieldId } from './field-ids';
import { QuestionField } from './question-field';
import { useFocusOnMount } from './use-focus-on-mount';

// react-hook-form and the zod schema load on the first focus or tap inside the form, so reading a posting
// costs no validation code; the plain form below already works without them (and without JavaScript).
const Enhancer = lazy(() => import('./apply-form-enhancer'));

const ORDER = ['fullName', 'email', 'phone', 'location', 'profileUrl', 'resume', 'coverLetter'] as const;

export type SubmitHandler = (event: FormEvent<HTMLFormElement>) => void;

type Props = {
  slug: string;
  questions: readonly Question[];
  privacyUrl: string;
  action: (state: ApplyState, form: FormData) => Promise<ApplyState>;
};

export function ApplyForm({ slug, questions, privacyUrl, action }: Props) {
  // Without JavaScript (or before the enhancer loads) the form posts through useActionState. Once enhanced,
  // the action is called directly so that a refused request (429 from the proxy, a network failure)
  // becomes a message on the form instead of an error page that would lose what the candidate typed.
  const [actionState, formAction, actionPending] = useActionState(action, initialApplyState);
  const [override, setOverride] = useState<ApplyState | null>(null);
  const [sending, startSending] = useTransition();
  const state = override ?? actionState;
  const pending = actionPending || sending;
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<SubmitHandler | null>(null);
  const [enhance, setEnhance] = useState(false);
  const [client, setClient] = useState<{ errors: FieldErrors; covered: readonly string[] } | null>(null);
  const order = [...ORDER, ...questions.map((q) => answerField(q.id)), 'consent'];
  // Bumped on every submit attempt, so the summary remounts and takes focus again.
  const [attempt, setAttempt] = useState(0);
  const [summaryErrors, setSummaryErrors] = useState<FieldErrors | null>(null);

  useEffect(() => {
    setClient(null);
    setSummaryErrors(null);
    setAttempt((n) => n + 1);
  }, [state]);

  if (state.status === 'success') return <Confirmation reference={state.reference} />;

  const serverErrors = state.status === 'error' ? state.errors : {};
  // Fields the browser has validated show its verdict; the others keep what the server said.
  const errors: FieldErrors = { ...serverErrors };
  for (const field of client?.covered ?? []) errors[field] = client?.errors[field];
  const values = state.status === 'error' ? state.values : {};
  const showSummary = summaryErrors ?? (state.status === 'error' ? serverErrors : null);
  const message = state.status === 'error' ? (state.message ?? serverErrors.slug?.[0]) : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!submitRef.current) return; // Not enhanced yet: the plain form posts and the server validates.
    submitRef.current(event);
  };

  return (
    <form
      ref={formRef}
      className="apply-form"
      action={formAction}
      onSubmit={onSubmit}
      onFocus={() => setEnhance(true)}
      onPointerDown={() => setEnhance(true)}
      noValidate
      aria-describedby="apply-required-note"
    >
      {showSummary && (Object.keys(showSummary).length > 0 || message) ? (
        <ErrorSummary key={attempt} errors={showSummary} message={summaryErrors ? undefined : message} order={order} />
      ) : null}
      <p id="apply-required-note" className="apply-form__note">
        All fields are required unless marked optional.
      </p>
      <input type="hidden" name="slug" value={slug} />
      {/* Filled by the enhancer; React must not own its value or a re-render would clear it. */}
      <input type="hidden" name="startedAt" />
      {/* Hidden from people and assistive technology; bots that fill every field fill this one too. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="apply-website">Leave this field empty</label>
        <input id="apply-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <Field id={fieldId('fullName')} label="Full name" errors={errors.fullName}>
        {(ids, invalid) => (
          <input id={fieldId('fullName')} name="fullName" type="text" autoComplete="name" spellCheck={false}
            defaultValue={text(values.fullName)} aria-describedby={ids} aria-invalid={invalid || undefined} maxLength={400} />
        )}
      </Field>
      <Field id={fieldId('email')} label="Email address" hint="We will only use this to contact you about your application." errors={errors.email}>
        {(ids, invalid) => (
          <input id={fieldId('email')} name="email" type="email" autoComplete="email" spellCheck={false}
            defaultValue={text(values.email)} aria-describedby={ids} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field id={fieldId('phone')} label="Phone number" optional errors={errors.phone}>
        {(ids, invalid) => (
          <input id={fieldId('phone')} name="phone" type="tel" autoComplete="tel"
            defaultValue={text(values.phone)} aria-describedby={ids} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field id={fieldId('location')} label="Where you are based" hint="City and country, for example Lisbon, Portugal." optional errors={errors.location}>
        {(ids, invalid) => (
          <input id={fieldId('location')} name="location" type="text" autoComplete="address-level2"
            defaultValue={text(values.location)} aria-describedby={ids} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field id={fieldId('profileUrl')} label="LinkedIn profile or portfolio" hint="A web address starting with https://" optional errors={errors.profileUrl}>
        {(ids, invalid) => (
          <input id={fieldId('profileUrl')} name="profileUrl" type="url" autoComplete="url" spellCheck={false}
            defaultValue={text(values.profileUrl)} aria-describedby={ids} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field id={fieldId('resume')} label="Resume" hint="A PDF or Word (.docx) file, up to 10 MB." errors={errors.resume}>
        {(ids, invalid) => (
          <input id={fieldId('resume')} name="resume" type="file"
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={ids} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field id={fieldId('coverLetter')} label="Cover letter" hint={`Anything you would like us to know, up to ${COVER_LETTER_MAX_CHARS.toLocaleString('en')} characters.`} optional errors={errors.coverLetter}>
        {(ids, invalid) => (
          <textarea id={fieldId('coverLetter')} name="coverLetter" rows={8}
            defaultValue={text(values.coverLetter)} aria-describedby={ids} aria-invalid={invalid || undefined} />
        )}
      </Field>
      {questions.map((q) => (
        <QuestionField key={q.id} question={q} errors={errors[answerField(q.id)]} value={values[answerField(q.id)]} />
      ))}
      <div className={errors.consent?.length ? 'field field--error field--checkbox' : 'field field--checkbox'}>
        <FieldMessages id={fieldId('consent')} errors={errors.consent} />
        <input id={fieldId('consent')} name="consent" type="checkbox" value="yes" defaultChecked={values.consent === 'yes'}
          aria-describedby={describedBy(fieldId('consent'), undefined, errors.consent)} aria-invalid={errors.consent?.length ? true : undefined} />
        <label htmlFor={fieldId('consent')}>
          I have read the <a href={privacyUrl}>privacy notice</a> and agree that my application is stored and read by the hiring team.
        </label>
      </div>

      <button type="submit" className="button" disabled={pending} aria-disabled={pending || undefined}>
        {pending ? 'Sending your application…' : 'Send application'}
      </button>

      {enhance && formRef.current ? (
        <Suspense fallback={null}>
          <Enhancer
            form={formRef.current}
            questions={questions}
            submitRef={submitRef}
            onErrors={(found, covered, submitted) => {
              setClient({ errors: found, covered });
              if (submitted) {
                setSummaryErrors(found);
                setAttempt((n) => n + 1);
              }
            }}
            onValid={(data) => {
              setClient(null);
              setSummaryErrors(null);
              startSending(async () => {
                try {
                  setOverride(await action(state, data));
                } catch {
                  setOverride({ status: 'error', errors: {}, values: keptValues(data), message: UNSENT });
                }
              });
            }}
          />
        </Suspense>
      ) : null}
    </form>
  );
}

const UNSENT =
  'Your application could not be sent: the connection failed or the server is busy. Nothing was stored. Please wait a minute and send it again.';

const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

function Confirmation({ reference }: { reference: string }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div ref={ref} className="apply-confirmation" tabIndex={-1} autoFocus role="status">
      <h3>Application sent</h3>
      <p>
        Thank you. Your application reference is <strong className="reference">{reference}</strong>.
      </p>
      <p>Keep it for your records: quote it if you contact us about this application.</p>
    </div>
  );
}
