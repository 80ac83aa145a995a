'use client';

import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useEffect, type FormEvent, type RefObject } from 'react';
import { useForm, type FieldErrors as HookFormErrors, type Resolver, type ResolverResult } from 'react-hook-form';
import { readApplicationForm } from '@/lib/application/form-data';
import { looksLikeResume } from '@/lib/application/resume-sniff';
import { answerField, type Question } from '@/lib/application/questions';
import { APPLICATION_FIELDS, applicationSchemaFor, type ApplicationInput } from '@/lib/application/schema';
import type { FieldErrors } from '@/lib/application/state';
import type { SubmitHandler } from './apply-form';

type Props = {
  form: HTMLFormElement;
  questions: readonly Question[];
  submitRef: RefObject<SubmitHandler | null>;
  /** `covered`: the fields the browser has validated, whose errors replace the server's. */
  onErrors: (errors: FieldErrors, covered: readonly string[], submitted: boolean) => void;
  onValid: (data: FormData) => void;
};

const WRONG_TYPE = 'The resume must be a PDF or a Word (.docx) document';

/**
 * Client-side validation for the server-rendered form, loaded on first interaction. react-hook-form tracks
 * touched fields and when to validate; the values come from the form itself through the same
 * `readApplicationForm` and zod schema the server action uses, so both sides apply identical rules.
 */
export default function ApplyFormEnhancer({ form, questions, submitRef, onErrors, onValid }: Props) {
  const fields = [...APPLICATION_FIELDS, ...questions.map((q) => answerField(q.id))];
  const { register, handleSubmit, formState } = useForm<FormValues>({
    mode: 'onTouched',
    shouldFocusError: false, // the error summary takes focus instead, as on GOV.UK
    resolver: resolverFor(form, questions),
  });
  const current = toFieldErrors(formState.errors, fields);
  const touched = fields.filter((field) => (formState.touchedFields as Record<string, unknown>)[field]);
  const signature = JSON.stringify([current, touched]);

  useEffect(() => {
    const cleanups: (() => void)[] = [];
    const names = new Set(fields);
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) continue;
      if (!names.has(element.name) || element.type === 'hidden') continue;
      // Radio buttons and checkboxes of one question share a name; react-hook-form takes each as a ref.
      const { ref, onChange, onBlur } = register(element.name);
      ref(element);
      const change = (event: Event) => void onChange(event);
      const blur = (event: Event) => void onBlur(event);
      element.addEventListener('input', change);
      element.addEventListener('change', change);
      element.addEventListener('blur', blur);
      cleanups.push(() => {
        element.removeEventListener('input', change);
        element.removeEventListener('change', change);
        element.removeEventListener('blur', blur);
      });
    }
    return () => cleanups.forEach((cleanup) => cleanup());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fields derive from questions
  }, [form, register, questions]);

  useEffect(() => {
    form.dataset.enhanced = 'true'; // lets tests (and styles) tell when browser validation is active
    submitRef.current = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      void handleSubmit(
        () => onValid(new FormData(form)),
        (found) => onErrors(toFieldErrors(found, fields), fields, true),
      )();
    };
    return () => {
      submitRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fields derive from questions
  }, [form, handleSubmit, onErrors, onValid, submitRef, questions]);

  useEffect(() => {
    if (touched.length > 0) onErrors(current, formState.isSubmitted ? fields : touched, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report only when the errors or touched fields change
  }, [signature]);

  useEffect(() => {
    // The signed start time that lets the server drop submissions made faster than a person can type.
    const controller = new AbortController();
    fetch('/api/apply-token', { signal: controller.signal, cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { token?: string } | null) => {
        const input = form.elements.namedItem('startedAt');
        if (body?.token && input instanceof HTMLInputElement) input.value = body.token;
      })
      .catch(() => {});
    return () => controller.abort();
  }, [form]);

  return null;
}

type FormValues = Record<string, unknown>;

function resolverFor(form: HTMLFormElement, questions: readonly Question[]): Resolver<FormValues> {
  const schemaResolver = standardSchemaResolver(applicationSchemaFor(questions));
  return async (_values, context, options) => {
    const input = readApplicationForm(new FormData(form), questions) as ApplicationInput;
    const result = (await schemaResolver(input, context, options as never)) as ResolverResult<FormValues>;
    const file = input.resume;
    if (!result.errors.resume && file instanceof File) {
      const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
      if (!looksLikeResume(head)) {
        const errors = Object.assign({}, result.errors, { resume: { type: 'type', message: WRONG_TYPE } });
        return { values: {}, errors };
      }
    }
    return result;
  };
}

function toFieldErrors(errors: HookFormErrors<FormValues>, fields: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const field of fields) {
    const message = errors[field]?.message;
    if (typeof message === 'string') out[field] = [message];
  }
  return out;
}
