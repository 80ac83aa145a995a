import { jsActionBodyValid, noJsActionFieldsValid } from './action-fields';

/**
 * Whether a POST that Next will read as a server action can be decoded: with JavaScript, React's encoding in
 * a multipart body, or as one JSON text when the arguments need no parts; without it, the `$ACTION_…` fields
 * of a multipart form. A multipart POST without those fields is no action (Next renders the page): valid.
 */
export async function actionBodyValid(request: Request): Promise<boolean> {
  const type = request.headers.get('content-type') ?? '';
  const multipart = /^multipart\/form-data\s*;/i.test(type);
  if (request.headers.has('next-action')) {
    if (multipart) {
      const form = await request
        .clone()
        .formData()
        .catch(() => null);
      return form !== null && jsActionBodyValid(form);
    }
    // Next does not read exact `application/x-www-form-urlencoded` as an action.
    if (type === 'application/x-www-form-urlencoded') return true;
    const form = new FormData();
    form.set('0', await request.clone().text());
    return jsActionBodyValid(form);
  }
  if (!multipart) return true;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  if (form === null) return false;
  return ![...form.keys()].some((key) => key.startsWith('$ACTION_')) || noJsActionFieldsValid(form);
}
