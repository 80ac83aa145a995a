import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import {
  createFormControl,
  type FieldErrors as HookFormErrors,
  type Resolver,
  type ResolverResult,
} from 'react-hook-form';
import { answerField } from '@/features/apply/answer-field';
import { STARTED_AT_FIELD } from '@/features/apply/anti-bot/fields';
import { readApplicationForm } from '@/features/apply/form-data';
import type { Question } from '@/features/apply/questions';
import { APPLICATION_FIELDS, applicationSchemaFor, type ApplicationInput } from '@/features/apply/schema';
import { SOURCE_QUERY_FIELD, SOURCE_REFERRER_FIELD } from '@/features/apply/source-fields';
import type { FieldErrors } from '@/features/apply/state';
import { looksLikeResume, RESUME_TYPE_MESSAGE } from '@/features/resumes/sniff';

// Browser validation for the server-rendered form, loaded on the first focus or tap inside it, so reading a
// posting costs none of it. react-hook-form decides when a field is validated (after it is first left,
// then as it changes); the values come from the form itself through the same `readApplicationForm` and
// zod schema the server action uses. A plain function, not a component: the form's elements belong to
// React, and this only listens to them.

export type Enhancement = {
  /** `covered`: the fields the browser has validated, whose errors replace the server's. */
  onErrors: (errors: FieldErrors, covered: readonly string[], submitted: boolean) => void;
  onValid: (data: FormData) => void;
};

type Values = Record<string, unknown>;

// Long: wiring react-hook-form onto the server-rendered form, and undoing each step on unmount, side by side.
/** Starts validating `form`; returns what undoes it. */
export function enhanceApplyForm(
  form: HTMLFormElement,
  questions: readonly Question[],
  { onErrors, onValid }: Enhancement,
): () => void {
  const fields = [...APPLICATION_FIELDS, ...questions.map((q) => answerField(q.id))];
  const control = createFormControl<Values>({
    mode: 'onTouched',
    shouldFocusError: false,
    resolver: resolverFor(form, questions),
  });
  const undo: (() => void)[] = [];
  const listen = (target: EventTarget, type: string, listener: (event: Event) => void) => {
    target.addEventListener(type, listener);
    undo.push(() => target.removeEventListener(type, listener));
  };

  const names = new Set(fields);
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) continue;
    if (!names.has(element.name) || element.type === 'hidden') continue;
    // Radio buttons and checkboxes of one question share a name; react-hook-form takes each as a ref.
    const { ref, onChange, onBlur } = control.register(element.name);
    ref(element);
    listen(element, 'input', (event) => void onChange(event));
    listen(element, 'change', (event) => void onChange(event));
    listen(element, 'blur', (event) => void onBlur(event));
  }

  undo.push(
    control.subscribe({
      formState: { errors: true, touchedFields: true, isSubmitted: true },
      callback: ({ errors = {}, touchedFields = {}, isSubmitted }) => {
        const touched = fields.filter((field) => (touchedFields as Record<string, unknown>)[field]);
        if (touched.length > 0) onErrors(toFieldErrors(errors, fields), isSubmitted ? fields : touched, false);
      },
    }),
  );

  // Runs before React's own submit handling, which sends the form only when this did not prevent it.
  listen(form, 'submit', (event) => {
    event.preventDefault();
    void control.handleSubmit(
      () => onValid(new FormData(form)),
      (found) => onErrors(toFieldErrors(found, fields), fields, true),
    )();
  });

  // Where the candidate came from: the page's own query, and the site that sent them here, which only the
  // browser knows (the page is static and the site sets no tracking cookie). The server checks both.
  const setHidden = (name: string, value: string) => {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement) input.value = value;
  };
  setHidden(SOURCE_QUERY_FIELD, window.location.search);
  setHidden(SOURCE_REFERRER_FIELD, document.referrer);

  // The signed start time that lets the server drop submissions made faster than a person can type.
  const controller = new AbortController();
  undo.push(() => controller.abort());
  fetch('/api/apply-token', { signal: controller.signal, cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : null))
    .then((body: { token?: string } | null) => {
      const input = form.elements.namedItem(STARTED_AT_FIELD);
      if (body?.token && input instanceof HTMLInputElement) input.value = body.token;
    })
    .catch(() => {});

  form.dataset.enhanced = 'true'; // lets tests (and styles) tell when browser validation is active
  return () => {
    delete form.dataset.enhanced;
    undo.forEach((step) => step());
  };
}

function resolverFor(form: HTMLFormElement, questions: readonly Question[]): Resolver<Values> {
  const schemaResolver = standardSchemaResolver(applicationSchemaFor(questions));
  return async (_values, context, options) => {
    const input = readApplicationForm(new FormData(form), questions) as ApplicationInput;
    const result = (await schemaResolver(input, context, options as never)) as ResolverResult<Values>;
    const file = input.resume;
    if (!result.errors.resume && file instanceof File) {
      const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
      if (!looksLikeResume(head)) {
        return {
          values: {},
          errors: Object.assign({}, result.errors, { resume: { type: 'type', message: RESUME_TYPE_MESSAGE } }),
        };
      }
    }
    return result;
  };
}

function toFieldErrors(errors: HookFormErrors<Values>, fields: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const field of fields) {
    const message = errors[field]?.message;
    if (typeof message === 'string') out[field] = [message];
  }
  return out;
}
