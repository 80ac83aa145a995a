import * as z from 'zod/mini';
import { SLUG_PATTERN } from '@/lib/content/posting';
import { COVER_LETTER_MAX_CHARS, RESUME_MAX_BYTES, RESUME_MAX_MB } from '@/lib/limits';
import { answerField } from './answer-field';
import { answerSchema, type Question } from './questions';
import { CONTROL, CONTROL_OR_LINE_BREAK, DIRECTION_CONTROL } from './text-rules';

// zod/mini: the same rules as full zod at a quarter of the browser bundle. This one schema runs in the
// browser (through react-hook-form) and again in the server action.

// A field that is missing, or sent as a file, is told so in words rather than zod's "expected string".
const text = (label: string, missing?: string) =>
  z.string({ error: (issue) => (issue.input === undefined && missing ? missing : `${label} must be text`) });

function singleLine(label: string, max: number, missing?: string) {
  return text(label, missing).check(
    z.trim(),
    z.maxLength(max, `${label} must be ${max} characters or fewer`),
    z.refine((v) => !CONTROL_OR_LINE_BREAK.test(v), `${label} must not contain line breaks or control characters`),
    z.refine((v) => !DIRECTION_CONTROL.test(v), `${label} must not contain text-direction control characters`),
  );
}

function required(label: string, max: number, missing: string) {
  return singleLine(label, max, missing).check(z.minLength(1, missing));
}

/** What the candidate tells us about themselves: stored as it is, one column each. */
export const applicantSchema = z.object({
  fullName: required('Full name', 200, 'Enter your full name'),
  email: required('Email address', 254, 'Enter your email address').check(
    z.email('Enter an email address in the correct format, like name@example.com'),
  ),
  phone: z.optional(
    singleLine('Phone number', 40).check(
      z.regex(/^\+?[0-9 ()./-]{5,40}$/, 'Enter a phone number with digits, like +44 20 7946 0958'),
    ),
  ),
  location: z.optional(singleLine('Location', 200)),
  profileUrl: z.optional(
    singleLine('LinkedIn or portfolio URL', 2000).check(
      z.url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        error: 'Enter a web address that starts with https:// or http://, like https://www.linkedin.com/in/your-name',
      }),
    ),
  ),
  coverLetter: z.optional(
    text('Cover letter').check(
      z.trim(),
      z.maxLength(
        COVER_LETTER_MAX_CHARS,
        `Cover letter must be ${COVER_LETTER_MAX_CHARS.toLocaleString('en')} characters or fewer`,
      ),
      z.refine((v) => !CONTROL.test(v), 'Cover letter must not contain control characters'),
      z.refine((v) => !DIRECTION_CONTROL.test(v), 'Cover letter must not contain text-direction control characters'),
    ),
  ),
});

/** The whole form: the applicant, the posting it is for, the resume and the consent. */
export const applicationSchema = z.extend(applicantSchema, {
  slug: z.string().check(z.regex(SLUG_PATTERN, 'This job posting is not recognised')),
  resume: z.file('Choose your resume as a PDF or Word (.docx) file').check(
    z.minSize(1, 'The selected resume is empty'),
    z.maxSize(RESUME_MAX_BYTES, `The resume must be ${RESUME_MAX_MB} MB or smaller`),
    z.refine((f) => f.name.length <= 255, 'The resume file name must be 255 characters or fewer'),
    // A browser sends the bare file name; folders, control or direction characters come from a script.
    z.refine((f) => !/[\\/]/.test(f.name), 'The resume file name must not contain folder names'),
    z.refine(
      (f) => !CONTROL_OR_LINE_BREAK.test(f.name) && !DIRECTION_CONTROL.test(f.name),
      'The resume file name must not contain control or text-direction characters',
    ),
  ),
  consent: z.literal('yes', 'Agree to the privacy notice to send your application'),
});

export type ApplicationInput = z.input<typeof applicationSchema>;
export type Application = z.output<typeof applicationSchema>;
export type ApplicationField = keyof ApplicationInput;

export type Applicant = z.output<typeof applicantSchema>;

export const APPLICATION_FIELDS = Object.keys(applicationSchema.shape) as ApplicationField[];
const APPLICANT_FIELDS = Object.keys(applicantSchema.shape) as (keyof Applicant)[];
/** The fields a candidate may leave out, as the schema says: a blank one is read as absent. */
export const OPTIONAL_FIELDS: ReadonlySet<ApplicationField> = new Set(
  APPLICATION_FIELDS.filter((field) => applicationSchema.shape[field] instanceof z.ZodMiniOptional),
);

/** The applicant's own fields out of a parsed application, for storing as they are. */
export function pickApplicant(application: Applicant): Applicant {
  return Object.fromEntries(APPLICANT_FIELDS.map((field) => [field, application[field]])) as Applicant;
}

/** The schema for one posting: the common fields plus an answer field for each of its questions. */
export function applicationSchemaFor(
  questions: readonly Question[],
): z.ZodMiniType<Application & Record<`q_${string}`, unknown>, ApplicationInput & Record<`q_${string}`, unknown>> {
  if (questions.length === 0) return applicationSchema;
  const answers = Object.fromEntries(questions.map((q) => [answerField(q.id), answerSchema(q)]));
  // The answer fields are only known at run time; their keys are all `q_<id>`.
  return z.extend(applicationSchema, answers) as unknown as ReturnType<typeof applicationSchemaFor>;
}
