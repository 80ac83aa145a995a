/**
 * The apply form's hidden fields for where the candidate came from, filled by the enhancement (with
 * JavaScript) from the page the form sits on. Apart from the parser (source.ts), so the form's bundle holds
 * only these names.
 */
export const SOURCE_QUERY_FIELD = 'sourceQuery';
export const SOURCE_REFERRER_FIELD = 'sourceReferrer';
export const SOURCE_FIELDS: readonly string[] = [SOURCE_QUERY_FIELD, SOURCE_REFERRER_FIELD];
