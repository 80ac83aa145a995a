import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RESUME_MAX_BYTES } from '@/lib/limits';
import { browserForm, pdf } from '@/test-support/apply-form';
import { readApplicationForm } from './form-data';
import { applicationSchema, OPTIONAL_FIELDS, type ApplicationField } from './schema';

function parse(form: FormData) {
  return applicationSchema.safeParse(readApplicationForm(form));
}

/** The errors per field, collected the way the apply action does; the form shows the first of each. */
function errorsFor(overrides: Parameters<typeof browserForm>[0]): Partial<Record<ApplicationField, string[]>> {
  const result = parse(browserForm(overrides));
  assert.equal(result.success, false, 'expected the application to be refused');
  const errors: Partial<Record<ApplicationField, string[]>> = {};
  for (const issue of result.error!.issues) (errors[issue.path[0] as ApplicationField] ??= []).push(issue.message);
  return errors;
}

/** Only `field` is in error, and the message shown for it is `message`. */
function assertRefused(overrides: Parameters<typeof browserForm>[0], field: ApplicationField, message: string) {
  const errors = errorsFor(overrides);
  assert.deepEqual(Object.keys(errors), [field], JSON.stringify(errors));
  assert.equal(errors[field]![0], message);
}

describe('a valid application', () => {
  test('passes, trimmed, with empty optional fields left out', () => {
    const result = parse(browserForm({ fullName: '  Ada Lovelace ', email: ' ada@example.com\t', location: '   ' }));
    assert.ok(result.success, JSON.stringify(result.error?.issues));
    const { resume, ...rest } = result.data;
    assert.deepEqual(rest, {
      slug: 'backend-engineer',
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: undefined,
      location: undefined,
      profileUrl: undefined,
      coverLetter: undefined,
      consent: 'yes',
    });
    assert.equal(resume.name, 'cv.pdf');
  });

  test('keeps the optional fields that were filled in', () => {
    const result = parse(
      browserForm({
        phone: ' +44 20 7946 0958 ',
        location: 'London',
        profileUrl: 'https://www.linkedin.com/in/ada',
        coverLetter: 'Dear team,\n\nI would like to apply.\r\n\tAda',
      }),
    );
    assert.ok(result.success, JSON.stringify(result.error?.issues));
    assert.equal(result.data.phone, '+44 20 7946 0958');
    assert.equal(result.data.location, 'London');
    assert.equal(result.data.profileUrl, 'https://www.linkedin.com/in/ada');
    assert.equal(
      result.data.coverLetter,
      'Dear team,\n\nI would like to apply.\r\n\tAda',
      'line breaks and tabs are kept',
    );
  });

  test('accepts a resume of exactly the maximum size and a cover letter of exactly 10,000 characters', () => {
    const result = parse(
      browserForm({ resume: pdf(new Uint8Array(RESUME_MAX_BYTES)), coverLetter: 'a'.repeat(10_000) }),
    );
    assert.ok(result.success, JSON.stringify(result.error?.issues));
  });

  test('ignores unknown extra fields rather than storing them', () => {
    const form = browserForm({ status: 'hired', isAdmin: 'true', website: '' });
    assert.deepEqual(Object.keys(readApplicationForm(form)).sort(), [
      'consent',
      'coverLetter',
      'email',
      'fullName',
      'location',
      'phone',
      'profileUrl',
      'resume',
      'slug',
    ]);
    const result = parse(form);
    assert.ok(result.success);
    assert.ok(!('status' in result.data) && !('isAdmin' in result.data));
  });
});

describe('each rule refuses with its message on its field', () => {
  test('missing name', () => {
    assertRefused({ fullName: '' }, 'fullName', 'Enter your full name');
    assertRefused({ fullName: '   ' }, 'fullName', 'Enter your full name');
  });

  test('missing email shows "enter your email" first', () => {
    assertRefused({ email: '' }, 'email', 'Enter your email address');
  });

  test('badly formed email', () => {
    for (const email of ['ada@', 'ada.example.com', 'ada lovelace@example.com']) {
      assertRefused({ email }, 'email', 'Enter an email address in the correct format, like name@example.com');
    }
  });

  test('phone number with letters', () => {
    assertRefused({ phone: '+44 20 CALL ME' }, 'phone', 'Enter a phone number with digits, like +44 20 7946 0958');
  });

  test('profile URL that is not http(s)', () => {
    for (const profileUrl of ['javascript:alert(1)', 'ftp://example.com/cv', 'www.linkedin.com/in/ada']) {
      assertRefused(
        { profileUrl },
        'profileUrl',
        'Enter a web address that starts with https:// or http://, like https://www.linkedin.com/in/your-name',
      );
    }
  });

  test('cover letter over 10,000 characters', () => {
    assertRefused(
      { coverLetter: 'a'.repeat(10_001) },
      'coverLetter',
      'Cover letter must be 10,000 characters or fewer',
    );
  });

  test('consent not ticked', () => {
    assertRefused({ consent: undefined }, 'consent', 'Agree to the privacy notice to send your application');
    assertRefused({ consent: 'on' }, 'consent', 'Agree to the privacy notice to send your application');
  });

  test('no resume chosen, or no file input at all', () => {
    assertRefused({ resume: new File([], '') }, 'resume', 'Choose your resume as a PDF or Word (.docx) file');
    assertRefused({ resume: undefined }, 'resume', 'Choose your resume as a PDF or Word (.docx) file');
    assertRefused({ resume: 'cv.pdf' }, 'resume', 'Choose your resume as a PDF or Word (.docx) file');
  });

  test('an empty resume file', () => {
    assertRefused({ resume: pdf(new Uint8Array(0)) }, 'resume', 'The selected resume is empty');
  });

  test('a resume over 10 MB', () => {
    assertRefused(
      { resume: pdf(new Uint8Array(RESUME_MAX_BYTES + 1)) },
      'resume',
      'The resume must be 10 MB or smaller',
    );
  });

  test('a name with control characters or a line break', () => {
    for (const fullName of ['Ada\u0007 Lovelace', 'Ada\u0000', 'Ada\nLovelace']) {
      assertRefused({ fullName }, 'fullName', 'Full name must not contain line breaks or control characters');
    }
  });

  test('a name with a right-to-left override', () => {
    assertRefused(
      { fullName: 'Ada \u202Efdp.exe' },
      'fullName',
      'Full name must not contain text-direction control characters',
    );
  });

  test('a field sent twice is refused rather than one value picked', () => {
    const errors = errorsFor({ email: ['ada@example.com', 'eve@example.com'] });
    assert.deepEqual(Object.keys(errors), ['email']);
  });

  test('an unknown posting slug', () => {
    assertRefused({ slug: '../admin' }, 'slug', 'This job posting is not recognised');
  });
});

describe('hand-made posts', () => {
  test('a missing required field is named, not "expected string"', () => {
    assertRefused({ fullName: undefined }, 'fullName', 'Enter your full name');
    assertRefused({ email: undefined }, 'email', 'Enter your email address');
  });

  test('a file sent in a text field is refused in words', () => {
    assertRefused({ fullName: pdf() }, 'fullName', 'Full name must be text');
    assertRefused({ coverLetter: pdf() }, 'coverLetter', 'Cover letter must be text');
  });

  test('a resume name with folders, control or direction characters is refused', () => {
    assertRefused(
      { resume: pdf(undefined, '../../etc/passwd.pdf') },
      'resume',
      'The resume file name must not contain folder names',
    );
    assertRefused(
      { resume: pdf(undefined, 'C:\\cv.pdf') },
      'resume',
      'The resume file name must not contain folder names',
    );
    assertRefused(
      { resume: pdf(undefined, 'cv\u202Efdp.exe') },
      'resume',
      'The resume file name must not contain control or text-direction characters',
    );
  });
});

test('the optional fields are read from the schema: the ones the form marks optional, and no others', () => {
  assert.deepEqual([...OPTIONAL_FIELDS].sort(), ['coverLetter', 'location', 'phone', 'profileUrl']);
});
