import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Posting } from '@/lib/content/posting';
import { browserForm, pdf } from '@/test-support/apply-form';
import { checkApplication } from './check';

const posting = (overrides: Partial<Posting> = {}): Posting => ({
  slug: 'backend-engineer',
  title: 'Backend Engineer',
  position: 1,
  category: 'Engineering',
  status: 'open',
  remote: false,
  questions: [{ id: 'years', label: 'Years of Go?', type: 'number', required: true }],
  hiringTeam: [],
  file: 'content/postings/backend-engineer.mdx',
  body: '',
  sections: [],
  publishedAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  datedByFile: false,
  ...overrides,
});

describe('the server’s checks of a submitted application', () => {
  test('a valid form gives the applicant’s own fields, the answers with their labels and the sniffed resume', async () => {
    const result = await checkApplication(browserForm({ q_years: '4', phone: '+44 20 7946 0958' }), posting());
    assert.ok(result.ok);
    assert.deepEqual(result.applicant, {
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0958',
      location: undefined,
      profileUrl: undefined,
      coverLetter: undefined,
    });
    assert.deepEqual(result.answers, [{ id: 'years', label: 'Years of Go?', type: 'number', answer: '4' }]);
    assert.equal(result.resume.mediaType, 'application/pdf');
    assert.equal(result.resume.fileName, 'cv.pdf');
  });

  test('a field sent twice is refused by name', async () => {
    const result = await checkApplication(
      browserForm({ q_years: '4', email: ['a@example.com', 'b@example.com'] }),
      posting(),
    );
    assert.deepEqual(result, { ok: false, errors: { email: ['This field was sent more than once; send it once'] } });
  });

  test('a field the form does not have is refused', async () => {
    const result = await checkApplication(browserForm({ q_years: '4', status: 'hired' }), posting());
    assert.equal(result.ok, false);
    assert.match(!result.ok ? (result.message ?? '') : '', /fields the application form does not have \("status"\)/);
  });

  test('the posting’s own questions are checked with the common fields', async () => {
    const result = await checkApplication(browserForm({ email: 'nope' }), posting());
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(!result.ok ? result.errors : {}).sort(), ['email', 'q_years']);
  });

  test('a closed posting, or one past its closing date, takes no application', async () => {
    for (const closed of [posting({ status: 'closed' }), posting({ validThrough: '2026-01-31' })]) {
      const result = await checkApplication(browserForm({ q_years: '4' }), closed, new Date('2026-11-26T00:00:00Z'));
      assert.deepEqual(result, {
        ok: false,
        errors: {},
        message: 'Applications for Backend Engineer are closed, so your application was not sent.',
      });
    }
  });

  test('the resume is judged by its bytes, and a name that contradicts them is refused', async () => {
    const html = await checkApplication(browserForm({ q_years: '4', resume: pdf('<html></html>') }), posting());
    assert.deepEqual(html, { ok: false, errors: { resume: ['The resume must be a PDF or a Word (.docx) document'] } });
    const renamed = await checkApplication(browserForm({ q_years: '4', resume: pdf(undefined, 'cv.docx') }), posting());
    assert.equal(renamed.ok, false);
    assert.match(!renamed.ok ? renamed.errors.resume![0]! : '', /named \.docx but is a PDF/);
  });
});
