/** Messages by form field name: the common fields and the posting's question fields (`q_<id>`). */
export type FieldErrors = Partial<Record<string, string[]>>;
/** What the candidate typed, to put back after an error; never the file. */
export type KeptValues = Partial<Record<string, string | string[]>>;

/** What the apply action returns; the form renders every case, with or without JavaScript. */
export type ApplyState =
  | { status: 'idle' }
  | { status: 'error'; errors: FieldErrors; message?: string; values: KeptValues }
  | { status: 'success'; reference: string };

export const initialApplyState: ApplyState = { status: 'idle' };
