import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvRow } from './csv';
import { dayRange, filterQuery, ftsQuery, parseCursor, parseInboxFilter, readInboxView } from './filter';

describe('CSV escaping', () => {
  it('quotes every cell per RFC 4180 and ends records with CRLF', () => {
    assert.equal(
      csvRow(['a', 'b,c', 'say "hi"', 'line\nbreak', null, 3]),
      '"a","b,c","say ""hi""","line\nbreak","","3"\r\n',
    );
  });

  it('keeps a cell whole in a spreadsheet that splits on semicolons', () => {
    assert.equal(csvRow(['Max;=1+1', 'x']), '"Max;=1+1","x"\r\n');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example","x")'), `"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const start of ['=', '+', '-', '@']) assert.equal(csvCell(`${start}1`), `"'${start}1"`);
    assert.equal(csvCell('\tcmd'), `"'\tcmd"`);
    assert.equal(csvCell('\rcmd'), `"'\rcmd"`);
    assert.equal(csvCell('Jane Doe'), '"Jane Doe"');
    assert.equal(csvCell(-5), '"-5"');
  });
});

describe('inbox filter', () => {
  it('keeps valid values and drops the rest', () => {
    const filter = parseInboxFilter({
      posting: 'senior-backend',
      status: 'bogus',
      from: '2025-01-01',
      to: 'yesterday',
      q: ' jane ',
    });
    assert.deepEqual(filter, { posting: 'senior-backend', from: '2025-01-01', q: 'jane' });
    assert.equal(filterQuery(filter, { before: 10 }), 'posting=senior-backend&from=2025-01-01&q=jane&before=10');
    assert.equal(parseCursor({ before: '42' }), 42);
    assert.equal(parseCursor({ before: '-1' }), undefined);
    assert.equal(parseCursor({ before: '1e3' }), undefined);
  });

  it('turns a date range into inclusive UTC day bounds', () => {
    assert.deepEqual(dayRange({ from: '2025-01-01', to: '2025-01-01' }), {
      fromMs: Date.UTC(2025, 0, 1),
      toMs: Date.UTC(2025, 0, 2),
    });
  });

  it('quotes every search word so FTS5 syntax cannot be injected', () => {
    assert.equal(ftsQuery('jane doe'), '"jane"* "doe"*');
    assert.equal(ftsQuery('a"b OR -c'), '"a""b"* "OR"* "-c"*');
    assert.equal(ftsQuery('- * "'), '');
  });
});

describe('hostile inbox parameters', () => {
  it('control and direction characters are dropped, so a NUL never reaches the search', () => {
    assert.deepEqual(readInboxView({ q: 'a\u0000b' }), { filter: { q: 'a b' }, ignored: [] });
    assert.deepEqual(readInboxView({ q: '\u202Eevil\u0007' }), { filter: { q: 'evil' }, ignored: [] });
    assert.deepEqual(readInboxView({ q: '\u0000\u0001' }), { filter: {}, ignored: [] });
  });

  it('a value that is not valid is left out and named, the others still apply', () => {
    assert.deepEqual(readInboxView({ from: '2026-02-30', to: '2026-03-01', status: 'hired' }), {
      filter: { to: '2026-03-01', status: 'hired' },
      ignored: ['from'],
    });
    assert.deepEqual(readInboxView({ status: 'superuser', posting: "x' OR 1=1 --" }).ignored, ['posting', 'status']);
    assert.deepEqual(readInboxView({ from: '99999-01-01' }).ignored, ['from']);
    assert.deepEqual(readInboxView({ posting: 'a'.repeat(201) }).ignored, ['posting']);
  });

  it('a long search is cut to 200 characters, a repeated parameter counts once', () => {
    assert.equal(readInboxView({ q: 'x'.repeat(10_000) }).filter.q?.length, 200);
    assert.deepEqual(readInboxView({ status: ['new', 'hired'] }).filter, { status: 'new' });
  });

  it('search syntax is searched for as text', () => {
    assert.equal(ftsQuery('NEAR(a b) OR "x" *'), '"NEAR(a"* "b)"* "OR"* """x"""*');
  });
});
