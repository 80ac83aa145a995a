'use client';

import { createContext, useContext } from 'react';
import type { FieldErrors, KeptValues } from '@/features/apply/state';

/** What every field of the form shows: its error, and what the candidate typed before a refusal. */
export type FormView = { errors: FieldErrors; values: KeptValues };

export const FormViewContext = createContext<FormView>({ errors: {}, values: {} });

export function useFieldView(name: string) {
  const { errors, values } = useContext(FormViewContext);
  const value = values[name];
  return { errors: errors[name], value, text: typeof value === 'string' ? value : undefined };
}
