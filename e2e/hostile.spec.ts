import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { actionFields } from '@/test-support/apply-post';
import { minimalPdf } from '@/test-support/pdf';
import { zipArchive } from '@/test-support/zip';
import { CLOSED, SEED } from './fixtures/apply';
import { applicationsOf, query } from './fixtures/db';
import { E2E_APPLY_LIMIT } from './fixtures/env';
import { loopback, send } from './fixtures/http';
import { expect, test } from './fixtures/test';

// Bad submissions straight to the server, bypassing the browser, the way a script sends them. Each must get
// a clear error (or, for a bot, a quiet success-looking drop), never a 500, and must store nothing.

type FileSpec = { name: string; bytes: Buffer; type?: string };
type Value = string | FileSpec;
type Case = {
  name: string;
  /** Changes to a valid application: a value replaces the field, an array repeats it, undefined removes it. */
  fields?: Record<string, Value | Value[] | undefined>;
  path?: string;
  headers?: Record<string, string>;
  /** Changes to the `$ACTION_…` fields React renders into the no-JavaScript form. */
  action?: (hidden: [string, string][]) => [string, string][];
  /** A body that is not the no-JavaScript form: a raw body, or React's JavaScript encoding. */
  raw?: { type: string; data: string } | 'js-garbage' | 'js-not-formdata' | 'js-deep';
  status?: number;
  /** What the answer says, or, for the quiet drops that look like success, where it redirects. */
  text?: string | RegExp;
  location?: string;
};

const SLUG = SEED.split('/').pop()!;
const APPLIED = `${SEED}/applied`;
const unique = () => crypto.randomUUID().slice(0, 8);
const pdfFile = (name = 'resume.pdf', extra: Buffer | string = '') => ({
  name,
  type: 'application/pdf',
  bytes: minimalPdf(`hostile ${unique()}`, extra),
});
const file = (name: string, content: string | Buffer, type = 'application/pdf') => ({
  name,
  type,
  bytes: Buffer.concat([Buffer.from(content), Buffer.from(`\n<!-- ${unique()} -->`)]),
});

/** A zip with a `[Content_Types].xml` and 100 MB of zeros deflated to ~100 KB, but no `word/document.xml`. */
const zipBomb = () =>
  zipArchive(
    { '[Content_Types].xml': '<?xml version="1.0"?><Types/>', 'bomb.bin': Buffer.alloc(100 * 1024 * 1024) },
    { deflate: true },
  );

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const NOT_RESUME = 'The resume must be a PDF or a Word (.docx) document';
const NOT_FORM = 'This is not an application form';
const CROSS_SITE = 'This form can only be sent from this site';
const NO_POSTING = 'This job posting does not exist';
const TWICE = 'This field was sent more than once; send it once';
const CONTROL = (label: string) => `${label} must not contain line breaks or control characters`;
const BIDI = (label: string) => `${label} must not contain text-direction control characters`;
const RLO = '\u202E';
const long = (n: number) => 'a'.repeat(n);
const replaceAction = (key: string, value: string | null) => (hidden: [string, string][]) =>
  value === null
    ? hidden.filter(([k]) => k !== key)
    : hidden.map(([k, v]): [string, string] => [k, k === key ? value : v]);

const cases: Case[] = [
  // Full name
  { name: 'full name empty', fields: { fullName: '' }, text: 'Enter your full name' },
  { name: 'full name only spaces', fields: { fullName: '   \t ' }, text: 'Enter your full name' },
  { name: 'full name missing', fields: { fullName: undefined }, text: 'Enter your full name' },
  { name: 'full name too long', fields: { fullName: long(201) }, text: 'Full name must be 200 characters or fewer' },
  { name: 'full name with a bell character', fields: { fullName: 'Ada\u0007 Lovelace' }, text: CONTROL('Full name') },
  { name: 'full name with a line break', fields: { fullName: 'Ada\nLovelace' }, text: CONTROL('Full name') },
  { name: 'full name with a NUL', fields: { fullName: 'Ada\u0000' }, text: CONTROL('Full name') },
  {
    name: 'full name with a right-to-left override',
    fields: { fullName: `Ada ${RLO}ecalevol` },
    text: BIDI('Full name'),
  },
  {
    name: 'full name sent as a file',
    fields: { fullName: file('name.txt', 'Ada', 'text/plain') },
    text: 'Full name must be text',
  },
  { name: 'full name sent twice', fields: { fullName: ['Ada Lovelace', 'Grace Hopper'] }, text: TWICE },
  // Email
  { name: 'email empty', fields: { email: '' }, text: 'Enter your email address' },
  { name: 'email missing', fields: { email: undefined }, text: 'Enter your email address' },
  { name: 'email without a domain', fields: { email: 'ada@' }, text: 'Enter an email address in the correct format' },
  {
    name: 'email as a javascript: URL',
    fields: { email: 'javascript:alert(1)' },
    text: 'Enter an email address in the correct format',
  },
  {
    name: 'email too long',
    fields: { email: `${long(250)}@example.com` },
    text: 'Email address must be 254 characters or fewer',
  },
  {
    name: 'email with a header injection',
    fields: { email: 'ada@example.com\r\nBcc: all@example.com' },
    text: CONTROL('Email address'),
  },
  {
    name: 'email with a right-to-left override',
    fields: { email: `ada${RLO}@example.com` },
    text: BIDI('Email address'),
  },
  {
    name: 'email sent as a file',
    fields: { email: file('email.txt', 'a@example.com', 'text/plain') },
    text: 'Email address must be text',
  },
  { name: 'email sent twice', fields: { email: ['a@example.com', 'b@example.com'] }, text: TWICE },
  // Phone, location
  { name: 'phone with letters', fields: { phone: 'call me maybe' }, text: 'Enter a phone number with digits' },
  { name: 'phone too long', fields: { phone: '1'.repeat(41) }, text: 'Phone number must be 40 characters or fewer' },
  { name: 'phone with a control character', fields: { phone: '+44 20\u0008 7946' }, text: CONTROL('Phone number') },
  { name: 'phone with a right-to-left override', fields: { phone: `+44 ${RLO}0958` }, text: BIDI('Phone number') },
  { name: 'location too long', fields: { location: long(201) }, text: 'Location must be 200 characters or fewer' },
  { name: 'location with an escape character', fields: { location: 'Berlin\u001B[31m' }, text: CONTROL('Location') },
  { name: 'location with a right-to-left isolate', fields: { location: 'Berlin\u2067' }, text: BIDI('Location') },
  { name: 'location sent twice', fields: { location: ['Berlin', 'Paris'] }, text: TWICE },
  // Profile URL
  {
    name: 'profile URL javascript:',
    fields: { profileUrl: 'javascript:alert(document.cookie)' },
    text: 'Enter a web address that starts with https:// or http://',
  },
  {
    name: 'profile URL JavaScript: in mixed case',
    fields: { profileUrl: 'JaVaScRiPt:alert(1)' },
    text: 'Enter a web address that starts with https:// or http://',
  },
  {
    name: 'profile URL data:',
    fields: { profileUrl: 'data:text/html,<script>alert(1)</script>' },
    text: 'Enter a web address that starts with https:// or http://',
  },
  {
    name: 'profile URL ftp:',
    fields: { profileUrl: 'ftp://example.com/cv' },
    text: 'Enter a web address that starts with https:// or http://',
  },
  {
    name: 'profile URL without a host',
    fields: { profileUrl: 'https://' },
    text: 'Enter a web address that starts with https:// or http://',
  },
  {
    name: 'profile URL too long',
    fields: { profileUrl: `https://example.com/${long(2000)}` },
    text: 'LinkedIn or portfolio URL must be 2000 characters or fewer',
  },
  {
    name: 'profile URL with a right-to-left override',
    fields: { profileUrl: `https://example.com/${RLO}fdp.exe` },
    text: BIDI('LinkedIn or portfolio URL'),
  },
  // Cover letter
  {
    name: 'cover letter too long',
    fields: { coverLetter: long(10_001) },
    text: 'Cover letter must be 10,000 characters or fewer',
  },
  {
    name: 'cover letter with a NUL',
    fields: { coverLetter: 'Dear team,\u0000' },
    text: 'Cover letter must not contain control characters',
  },
  {
    name: 'cover letter with a right-to-left override',
    fields: { coverLetter: `Dear team ${RLO}` },
    text: 'Cover letter must not contain text-direction control characters',
  },
  {
    name: 'cover letter sent as a file',
    fields: { coverLetter: file('letter.pdf', '%PDF-1.7') },
    text: 'Cover letter must be text',
  },
  // Consent
  {
    name: 'consent missing',
    fields: { consent: undefined },
    text: 'Agree to the privacy notice to send your application',
  },
  { name: 'consent "no"', fields: { consent: 'no' }, text: 'Agree to the privacy notice to send your application' },
  { name: 'consent "YES"', fields: { consent: 'YES' }, text: 'Agree to the privacy notice to send your application' },
  { name: 'consent sent twice', fields: { consent: ['yes', 'yes'] }, text: TWICE },
  // Posting slug and page
  { name: 'slug missing', fields: { slug: undefined }, text: NO_POSTING },
  { name: 'slug forged', fields: { slug: 'chief-everything-officer' }, text: NO_POSTING },
  { name: 'slug with path traversal', fields: { slug: '../../../etc/passwd' }, text: NO_POSTING },
  { name: 'slug of a draft posting', fields: { slug: 'engineering-manager-platform' }, text: NO_POSTING },
  {
    name: 'slug of another posting than the page',
    fields: { slug: 'product-designer-remote' },
    text: 'This form was sent to the wrong address',
  },
  { name: 'slug sent twice', fields: { slug: [SLUG, 'product-designer-remote'] }, text: TWICE },
  {
    name: 'page of a posting that does not exist',
    path: '/careers/chief-everything-officer',
    status: 404,
    text: 'Page not found',
  },
  {
    name: 'closed posting',
    path: CLOSED,
    fields: { slug: CLOSED.split('/').pop()! },
    text: 'Applications for Solutions Engineer are closed',
  },
  // Extra fields
  {
    name: 'extra fields',
    fields: { status: 'hired', isAdmin: 'true' },
    text: 'This form has fields the application form does not have',
  },
  {
    name: 'an answer field for a question the posting does not ask',
    fields: { q_salary: '1000000' },
    text: 'This form has fields the application form does not have',
  },
  // Resume
  { name: 'resume missing', fields: { resume: undefined }, text: 'Choose your resume as a PDF or Word (.docx) file' },
  {
    name: 'resume sent as text',
    fields: { resume: '%PDF-1.7 not a file' },
    text: 'Choose your resume as a PDF or Word (.docx) file',
  },
  {
    name: 'resume of 0 bytes',
    fields: { resume: { name: 'empty.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) } },
    text: 'The selected resume is empty',
  },
  {
    name: 'resume just over 10 MB',
    fields: { resume: pdfFile('big.pdf', Buffer.alloc(10 * 1024 * 1024)) },
    text: 'The resume must be 10 MB or smaller',
  },
  {
    name: 'resume far over the body limit',
    fields: { resume: pdfFile('huge.pdf', Buffer.alloc(12 * 1024 * 1024)) },
    status: 413,
    text: 'The resume must be 10 MB or smaller',
  },
  {
    name: 'HTML named .pdf',
    fields: { resume: file('resume.pdf', '<html><script>alert(1)</script></html>', 'application/pdf') },
    text: NOT_RESUME,
  },
  {
    name: 'SVG named .pdf',
    fields: { resume: file('resume.pdf', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
    text: NOT_RESUME,
  },
  {
    name: 'EXE named .pdf',
    fields: { resume: file('resume.pdf', Buffer.concat([Buffer.from('MZ\u0090\u0000'), Buffer.alloc(512)])) },
    text: NOT_RESUME,
  },
  {
    name: 'PDF named .docx',
    fields: { resume: pdfFile('resume.docx') },
    text: 'The resume is named .docx but is a PDF',
  },
  {
    name: 'zip bomb named .docx',
    fields: { resume: { name: 'resume.docx', type: DOCX, bytes: zipBomb() } },
    text: NOT_RESUME,
  },
  {
    name: 'bare zip header named .docx',
    fields: { resume: file('resume.docx', 'PK\u0003\u0004', DOCX) },
    text: NOT_RESUME,
  },
  {
    name: 'resume file name with path traversal',
    fields: { resume: pdfFile('../../../etc/passwd.pdf') },
    text: 'The resume file name must not contain folder names',
  },
  {
    name: 'resume file name with a Windows path',
    fields: { resume: pdfFile('..\\..\\windows\\win.ini.pdf') },
    text: 'The resume file name must not contain folder names',
  },
  {
    name: 'resume file name of 1,000 characters',
    fields: { resume: pdfFile(`${long(996)}.pdf`) },
    text: 'The resume file name must be 255 characters or fewer',
  },
  {
    name: 'resume file name with a right-to-left override',
    fields: { resume: pdfFile(`cv${RLO}fdp.exe`) },
    text: 'The resume file name must not contain control or text-direction characters',
  },
  { name: 'two resumes', fields: { resume: [pdfFile('a.pdf'), pdfFile('b.pdf')] }, text: TWICE },
  // Headers and body
  { name: 'cross-origin Origin', headers: { Origin: 'https://evil.example' }, status: 403, text: CROSS_SITE },
  { name: 'Origin: null', headers: { Origin: 'null' }, status: 403, text: CROSS_SITE },
  {
    name: 'Origin on a look-alike host',
    headers: { Origin: 'http://127.0.0.1.evil.example' },
    status: 403,
    text: CROSS_SITE,
  },
  {
    name: 'urlencoded body',
    raw: {
      type: 'application/x-www-form-urlencoded',
      data: `slug=${SLUG}&fullName=Ada&email=a%40example.com&consent=yes`,
    },
    status: 415,
    text: NOT_FORM,
  },
  {
    name: 'JSON body',
    raw: { type: 'application/json', data: `{"slug":"${SLUG}","fullName":"Ada"}` },
    status: 415,
    text: NOT_FORM,
  },
  { name: 'plain-text body', raw: { type: 'text/plain', data: 'hello' }, status: 415, text: NOT_FORM },
  { name: 'multipart without the action fields', action: () => [], status: 400, text: NOT_FORM },
  {
    name: 'action reference that is not JSON',
    action: replaceAction('$ACTION_1:0', 'garbage{'),
    status: 400,
    text: NOT_FORM,
  },
  {
    name: 'bound state that is not JSON',
    action: replaceAction('$ACTION_1:1', 'garbage{'),
    status: 400,
    text: NOT_FORM,
  },
  { name: 'bound state missing', action: replaceAction('$ACTION_1:1', null), status: 400, text: NOT_FORM },
  {
    name: 'bound state pointing at a missing part',
    action: replaceAction('$ACTION_1:1', '["$@9"]'),
    status: 400,
    text: NOT_FORM,
  },
  // Next's own answer to an action id it does not know: a 409 with a short text (no 500, nothing run).
  {
    name: 'forged action id',
    action: (h) =>
      h.map(([k, v]): [string, string] => [
        k,
        k === '$ACTION_1:0' ? v.replace(/"id":"\w+"/, `"id":"${'0'.repeat(42)}"`) : v,
      ]),
    status: 409,
    text: 'Server Action unavailable',
  },
  { name: 'JavaScript encoding that is not JSON', raw: 'js-garbage', status: 400, text: NOT_FORM },
  { name: 'JavaScript encoding nested 300,000 levels deep', raw: 'js-deep', status: 400, text: NOT_FORM },
  {
    name: 'bound state nested 300,000 levels deep',
    action: replaceAction('$ACTION_1:1', `${'['.repeat(300_000)}${']'.repeat(300_000)}`),
    status: 400,
    text: NOT_FORM,
  },
  {
    name: 'JavaScript encoding without a form',
    raw: 'js-not-formdata',
    status: 200,
    text: 'This is not the application form',
  },
  // Bots: a quiet drop that looks like success (the same redirect to the confirmation page as a candidate's)
  { name: 'honeypot filled', fields: { website: 'https://spam.example' }, status: 303, location: APPLIED },
  {
    name: 'honeypot filled on an otherwise bad form',
    fields: { website: 'x', email: 'nope' },
    status: 303,
    location: APPLIED,
  },
  {
    name: 'forged start-time token',
    fields: { startedAt: `${Date.now() - 3_600_000}.forged` },
    status: 303,
    location: APPLIED,
  },
];

const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const DEEP = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;

/** The body a case sends: a raw body, React's JavaScript encoding, or the no-JavaScript form changed. */
async function bodyOf(
  c: Case,
  fields: Record<string, Value | Value[] | undefined>,
  origin: string,
): Promise<{ body: string | FormData; headers: Record<string, string> }> {
  if (typeof c.raw === 'object') return { body: c.raw.data, headers: { 'Content-Type': c.raw.type } };
  const hidden = await actionFields(origin);
  const form = new FormData();
  if (c.raw) {
    const [, head] = hidden.find(([k]) => k === '$ACTION_1:0')!;
    const root = {
      'js-garbage': 'garbage{',
      'js-not-formdata': '[{"status":"idle"},"just a string"]',
      'js-deep': DEEP,
    }[c.raw];
    form.append('0', root);
    return { body: form, headers: { 'Next-Action': JSON.parse(head).id, Accept: 'text/x-component' } };
  }
  for (const [key, value] of (c.action ?? ((h) => h))(hidden)) form.append(key, value);
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      const file =
        typeof v === 'string'
          ? v
          : new File([new Uint8Array(v.bytes)], v.name, { type: v.type ?? 'application/octet-stream' });
      form.append(key, file);
    }
  }
  return { body: form, headers: {} };
}

for (const c of cases) {
  test(`hostile: ${c.name}`, async ({ baseURL }) => {
    const email = `hostile-${unique()}@example.com`;
    const fields: Record<string, Value | Value[] | undefined> = {
      slug: SLUG,
      fullName: 'Hostile Tester',
      email,
      consent: 'yes',
      resume: pdfFile(),
      ...c.fields,
    };
    const files = Object.values(fields)
      .flat()
      .filter((v): v is FileSpec => typeof v === 'object');
    const { body, headers } = await bodyOf(c, fields, baseURL!);
    // Each case from an address of its own, so the suite never meets the rate limit.
    const response = await send(`${baseURL}${c.path ?? SEED}`, {
      from: loopback(),
      body,
      headers: { Origin: baseURL!, ...headers, ...c.headers },
    });

    expect(response.status).toBe(c.status ?? 200);
    if (c.text) expect(text(response.text)).toMatch(c.text);
    if (c.location) expect(new URL(String(response.headers.location), baseURL).pathname).toBe(c.location);
    expect(await applicationsOf(email)).toHaveLength(0);
    for (const f of files)
      expect(await query(sql`select 1 from resumes where sha256 = ${sha256(f.bytes)}`)).toHaveLength(0);
    expect(
      await query(
        sql`select 1 from resumes r where not exists (select 1 from applications a where a.resume_id = r.id)`,
      ),
    ).toHaveLength(0);
  });
}

test('a flood from one address is refused with 429 and Retry-After, and stores nothing', async ({ baseURL }) => {
  const flooder = loopback();
  const email = `flood-${unique()}@example.com`;
  const post = () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ slug: SLUG, fullName: 'Flood', email, consent: 'yes' }))
      form.append(key, value);
    return send(`${baseURL}${SEED}`, { from: flooder, body: form, headers: { Origin: baseURL! } });
  };
  const responses = await Promise.all(Array.from({ length: E2E_APPLY_LIMIT + 5 }, post));
  expect(responses.map((r) => r.status).filter((s) => s === 500)).toEqual([]);
  const refused = responses.filter((r) => r.status === 429);
  expect(refused).toHaveLength(5);
  expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(0);
  expect(refused[0]!.text).toContain('Too many applications');
  expect(await applicationsOf(email)).toHaveLength(0);
});
