// The apply form as a browser sends it, for the schema's and the server checks' unit tests.

export const pdf = (bytes: BlobPart = '%PDF-1.4\n%minimal\n', name = 'cv.pdf') =>
  new File([bytes], name, { type: 'application/pdf' });

/**
 * The FormData a browser sends for the apply form: every text input present (empty ones as ''), the file
 * input always present (an empty, unnamed File when nothing was chosen), the checkbox only when ticked.
 * `undefined` leaves a field out; an array sends the field several times.
 */
export function browserForm(overrides: Record<string, string | File | undefined | (string | File)[]> = {}): FormData {
  const fields = {
    slug: 'backend-engineer',
    fullName: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '',
    location: '',
    profileUrl: '',
    coverLetter: '',
    resume: pdf(),
    consent: 'yes',
    ...overrides,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) form.append(name, v);
  }
  return form;
}
