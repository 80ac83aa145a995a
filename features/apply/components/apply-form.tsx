'use client';

import { answerField } from '@/features/apply/answer-field';
import { HONEYPOT_FIELD, STARTED_AT_FIELD } from '@/features/apply/anti-bot/fields';
import type { Question } from '@/features/apply/questions';
import { SOURCE_QUERY_FIELD, SOURCE_REFERRER_FIELD } from '@/features/apply/source-fields';
import type { ApplyState } from '@/features/apply/state';
import { APPLICANT_FIELD_ORDER, ApplicantFields } from './applicant-fields';
import { ConsentField } from './consent-field';
import { ErrorSummary } from './error-summary';
import { FormViewContext } from './form-view';
import { QuestionField } from './question-field';
import { useApplyForm } from './use-apply-form';

type Props = {
  slug: string;
  questions: readonly Question[];
  privacyUrl: string;
  action: (state: ApplyState, form: FormData) => Promise<ApplyState>;
};

/** The Apply Now form: server-rendered and posted through useActionState, so it works without JavaScript. */
export function ApplyForm({ slug, questions, privacyUrl, action }: Props) {
  const { formRef, formAction, enhance, errors, values, summary, message, pending } = useApplyForm(action, questions);
  const order = [...APPLICANT_FIELD_ORDER, ...questions.map((q) => answerField(q.id)), 'consent'];
  return (
    <form
      ref={formRef}
      className="apply-form"
      action={formAction}
      onFocus={enhance}
      onPointerDown={enhance}
      noValidate
      aria-describedby="apply-required-note"
    >
      {summary && (Object.keys(summary).length > 0 || message) ? (
        <ErrorSummary errors={summary} message={message} order={order} />
      ) : null}
      <p id="apply-required-note" className="apply-form__note">
        All fields are required unless marked optional.
      </p>
      <input type="hidden" name="slug" value={slug} />
      {/* Filled by the enhancement; React must not own its value or a re-render would clear it. */}
      <input type="hidden" name={STARTED_AT_FIELD} />
      {/* Where the candidate came from, filled by the enhancement too (without it, the server reads the Referer). */}
      <input type="hidden" name={SOURCE_QUERY_FIELD} />
      <input type="hidden" name={SOURCE_REFERRER_FIELD} />
      {/* Hidden from people and assistive technology; bots that fill every field fill this one too. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="apply-website">Leave this field empty</label>
        <input id="apply-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <FormViewContext value={{ errors: errors, values: values }}>
        <ApplicantFields />
        {questions.map((q) => (
          <QuestionField key={q.id} question={q} />
        ))}
        <ConsentField privacyUrl={privacyUrl} />
      </FormViewContext>
      <button type="submit" className="button" disabled={pending} aria-disabled={pending || undefined}>
        {pending ? 'Sending your application…' : 'Send application'}
      </button>
    </form>
  );
}
