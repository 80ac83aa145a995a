import { nameContradictsKind, RESUME_TYPE_MESSAGE, safeResumeFileName, sniffResume } from '@/features/resumes/sniff';
import { acceptsApplications, type Posting } from '@/lib/content/posting';
import { readApplicationForm, repeatedFields, unknownFields } from './form-data';
import { collectAnswers, type Answer } from './questions';
import { applicationSchemaFor, pickApplicant, type Applicant } from './schema';
import type { FieldErrors } from './state';

export type ResumeUpload = { fileName: string; mediaType: string; bytes: Buffer };

export type CheckedApplication =
  | { ok: true; applicant: Applicant; answers: Answer[]; resume: ResumeUpload }
  | { ok: false; errors: FieldErrors; message?: string };

/**
 * Everything the server checks about a submitted form once it knows the posting: fields sent twice or
 * never offered, the schema the browser also applied, that the posting still takes applications, and the
 * resume's bytes. Pure, so each rule is unit-tested without a server.
 */
export async function checkApplication(
  form: FormData,
  posting: Posting,
  now = new Date(),
): Promise<CheckedApplication> {
  const { questions } = posting;
  const repeated = repeatedFields(form, questions);
  if (repeated.length) {
    return {
      ok: false,
      errors: Object.fromEntries(
        repeated.map((field) => [field, ['This field was sent more than once; send it once']]),
      ),
    };
  }
  const unknown = unknownFields(form, questions);
  if (unknown.length) {
    const names = unknown.slice(0, 3).map((field) => JSON.stringify(field.slice(0, 40)));
    return {
      ok: false,
      errors: {},
      message: `This form has fields the application form does not have (${names.join(', ')}), so it was not sent. Reload the page and try again.`,
    };
  }
  const parsed = applicationSchemaFor(questions).safeParse(readApplicationForm(form, questions));
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, errors };
  }
  if (!acceptsApplications(posting, now)) {
    return {
      ok: false,
      errors: {},
      message: `Applications for ${posting.title} are closed, so your application was not sent.`,
    };
  }
  const file = parsed.data.resume;
  const bytes = Buffer.from(await file.arrayBuffer());
  const kind = sniffResume(bytes);
  if (!kind) return { ok: false, errors: { resume: [RESUME_TYPE_MESSAGE] } };
  const contradiction = nameContradictsKind(file.name, kind);
  if (contradiction) return { ok: false, errors: { resume: [contradiction] } };
  return {
    ok: true,
    applicant: pickApplicant(parsed.data),
    answers: collectAnswers(questions, parsed.data),
    resume: { fileName: safeResumeFileName(file.name, kind), mediaType: kind.mediaType, bytes },
  };
}
