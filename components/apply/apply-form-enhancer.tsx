'use client';

import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useEffect, type FormEvent, type RefObject } from 'react';
import { useForm, type FieldErrors as HookFormErrors, type Resolver } from 'react-hook-form';
import { readApplicationForm } from '@/lib/application/form-data';
import { looksLikeResume } from '@/lib/application/resume-sniff';
import { APPLICATION_FIELDS, applicationSchema, type ApplicationField, type ApplicationInput } from '@/lib/application/schema';
import type { FieldErrors } from '@/lib/application/state';
import type { SubmitHandler } from './apply-form';

type Props = {
  form: HTMLFormElement;
  submitRef: RefObject<SubmitHandler | null>;
  /** `covered`: the fields the browser has validated, whose errors replace the server's. */
  onErrors: (errors: FieldErrors, covered: readonly ApplicationField[], submitted: boolean) => void;
  onValid: (data: FormData) => void;
};

const WRONG_TYPE = 'The resume must be a PDF or a Word (.docx) document';

/**
 * Client-side validation for the server-rendered form, loaded on first interaction. react-hook-form tracks
 * touched fields and when to validate; the values come from the form itself through the same
 * `readApplicationForm` and zod schema the server action uses, so both sides apply identical rules.
 */
export default function ApplyFormEnhancer({ form, submitRef, onErrors, onValid }: Props) {
  const { register, handleSubmit, formState } = useForm<ApplicationInput>({
    mode: 'onTouched',
    shouldFocusError: false, // the error summary takes focus instead, as on GOV.UK
    resolver: resolverFor(form),
  });
  const current = toFieldErrors(formState.errors);
  const touched = APPLICATION_FIELDS.filter((field) => formState.touchedFields[field]);
  const signature = JSON.stringify([current, touched]);

  useEffect(() => {
    const cleanups: (() => void)[] = [];
    for (const field of APPLICATION_FIELDS) {
      const element = form.elements.namedItem(field);
      if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) || element.type === 'hidden') continue;
      const { ref, onChange, onBlur } = register(field);
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
  }, [form, register]);

  useEffect(() => {
    form.dataset.enhanced = 'true'; // lets tests (and styles) tell when browser validation is active
    submitRef.current = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      void handleSubmit(
        () => onValid(new FormData(form)),
        (found) => onErrors(toFieldErrors(found), APPLICATION_FIELDS, true),
      )();
    };
    return () => {
      submitRef.current = null;
    };
  }, [form, handleSubmit, onErrors, onValid, submitRef]);

  useEffect(() => {
    if (touched.length > 0) onErrors(current, formState.isSubmitted ? APPLICATION_FIELDS : touched, false);
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

function resolverFor(form: HTMLFormElement): Resolver<ApplicationInput> {
  const schemaResolver = standardSchemaResolver(applicationSchema);
  return async (_values, context, options) => {
    const input = readApplicationForm(new FormData(form)) as ApplicationInput;
    const result = await schemaResolver(input, context, options as never);
    const file = input.resume;
    if (!result.errors.resume && file instanceof File) {
      const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
      if (!looksLikeResume(head)) {
        return { values: {}, errors: { ...result.errors, resume: { type: 'type', message: WRONG_TYPE } } };
      }
    }
    return result as Awaited<ReturnType<Resolver<ApplicationInput>>>;
  };
}

function toFieldErrors(errors: HookFormErrors<ApplicationInput>): FieldErrors {
  const out: FieldErrors = {};
  for (const field of APPLICATION_FIELDS) {
    const message = errors[field]?.message;
    if (typeof message === 'string') out[field] = [message];
  }
  return out;
}
