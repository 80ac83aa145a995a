// Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field, always quoted: a spreadsheet set to another separator (`;` in much of Europe) would
 * otherwise split `Max;=1+1` into two cells, the second a live formula. A leading formula character is
 * neutralised with an apostrophe as well.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A record terminated by CRLF, as RFC 4180 asks. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
