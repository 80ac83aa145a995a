import type { ApplicationField } from './schema';

export type FieldErrors = Partial<Record<ApplicationField, string[]>>;
export type KeptValues = Partial<Record<ApplicationField, string>>;

/** What the apply action returns; the form renders every case, with or without JavaScript. */
export type ApplyState =
  | { status: 'idle' }
  | { status: 'error'; errors: FieldErrors; message?: string; values: KeptValues }
  | { status: 'success'; reference: string };

export const initialApplyState: ApplyState = { status: 'idle' };
