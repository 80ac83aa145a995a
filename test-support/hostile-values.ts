// What a hostile or broken link puts in a query parameter: control and direction characters, stray percent
// signs, SQL and full-text syntax, numbers out of range, dates that do not exist, very long text, markup.
// The inbox's parsers and queries meet each one in a unit test (on both databases); the e2e suite sends them
// to every admin page.
export const HOSTILE_VALUES = [
  'a\u0000b',
  '\u0000',
  '\u0007\u001b[31m',
  '\u202Eevil',
  '%',
  '%00',
  '"',
  "' OR 1=1 --",
  '*',
  'NEAR(a b)',
  'a AND OR NOT',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  '2026-02-30',
  '0000-00-00',
  '9999-99-99',
  'x'.repeat(5_000),
  '🙂'.repeat(300),
  '<script>alert(1)</script>',
];
