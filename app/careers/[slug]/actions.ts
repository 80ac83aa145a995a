'use server';

import { headers } from 'next/headers';
import { DuplicateApplicationError, newReference, storeApplication } from '@/db/applications';
import { readApplicationForm, repeatedFields, unknownFields } from '@/lib/application/form-data';
import { nameContradictsKind, safeResumeFileName, sniffResume } from '@/lib/application/resume-sniff';
import { collectAnswers } from '@/lib/application/questions';
import { applicationSchemaFor } from '@/lib/application/schema';
import { keptValues, type ApplyState, type FieldErrors } from '@/lib/application/state';
import { getPosting } from '@/lib/content';
import { acceptsApplications, SLUG_PATTERN } from '@/lib/content/posting';
import { MIN_FILL_MS } from '@/lib/limits';
import { APPLY_STAMP_HEADER, validApplyStamp } from '@/lib/server/apply-stamp';
import { formTokenAge } from '@/lib/server/form-token';
import { isSameOrigin } from '@/lib/server/origin';

/**
 * The Apply Now action. The slug arrives as a hidden field (never `.bind()`: with JavaScript off a bound
 * action under useActionState loops the server) and everything the browser checked is checked again here.
 */
export async function submitApplication(_previous: ApplyState, form: FormData): Promise<ApplyState> {
  // The arguments are whatever the client encoded, not necessarily what our form sends.
  if (!(form instanceof FormData)) {
    return { status: 'error', errors: {}, message: 'This is not the application form. Reload the page and try again.', values: {} };
  }
  // The posting decides the schema (its questions), so it is looked up first, from the untrusted slug.
  const slug = form.get('slug');
  const posting = typeof slug === 'string' && SLUG_PATTERN.test(slug) ? await getPosting(slug) : undefined;
  const questions = posting?.questions ?? [];
  const values = keptValues(form);
  const fail = (errors: FieldErrors, message?: string): ApplyState => ({ status: 'error', errors, message, values });

  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) {
    return fail({}, 'This form can only be sent from this site. Reload the page and try again.');
  }
  // Only through the posting's own page, past the proxy's checks (see apply-stamp.ts).
  if (posting && !validApplyStamp(requestHeaders.get(APPLY_STAMP_HEADER), posting.slug)) {
    return fail({}, 'This form was sent to the wrong address. Open the job posting from the careers page and apply there.');
  }
  // A bot sees the same confirmation as a person, with a reference that matches nothing.
  if (isBot(form)) return { status: 'success', reference: newReference() };

  if (!posting) return fail({}, 'This job posting does not exist. Choose a role from the careers page.');
  const repeated = repeatedFields(form, questions);
  if (repeated.length) {
    return fail(Object.fromEntries(repeated.map((field) => [field, ['This field was sent more than once; send it once']])));
  }
  const unknown = unknownFields(form, questions);
  if (unknown.length) {
    return fail({}, `This form has fields the application form does not have (${unknown.slice(0, 3).map((f) => JSON.stringify(f.slice(0, 40))).join(', ')}), so it was not sent. Reload the page and try again.`);
  }
  const parsed = applicationSchemaFor(questions).safeParse(readApplicationForm(form, questions));
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
    return fail(errors);
  }
  const application = parsed.data;
  if (!acceptsApplications(posting)) {
    return fail({}, `Applications for ${posting.title} are closed, so your application was not sent.`);
  }

  const bytes = Buffer.from(await application.resume.arrayBuffer());
  const kind = sniffResume(bytes);
  if (!kind) {
    return fail({ resume: ['The resume must be a PDF or a Word (.docx) document'] });
  }
  const contradiction = nameContradictsKind(application.resume.name, kind);
  if (contradiction) return fail({ resume: [contradiction] });

  try {
    const { reference } = storeApplication({
      postingSlug: posting.slug,
      postingTitle: posting.title,
      fullName: application.fullName,
      email: application.email,
      phone: application.phone,
      location: application.location,
      profileUrl: application.profileUrl,
      coverLetter: application.coverLetter,
      answers: collectAnswers(questions, application),
      consentAt: new Date(),
      resume: { fileName: safeResumeFileName(application.resume.name, kind), mediaType: kind.mediaType, bytes },
    });
    return { status: 'success', reference };
  } catch (error) {
    if (error instanceof DuplicateApplicationError) {
      return fail(
        {},
        `You have already applied for ${posting.title} with ${application.email}. We have your application and will be in touch; there is no need to apply again.`,
      );
    }
    throw error;
  }
}

/** Honeypot filled, or a signed start time younger than a person could type the form: drop quietly. */
function isBot(form: FormData): boolean {
  const honeypot = form.get('website');
  if (typeof honeypot === 'string' && honeypot !== '') return true;
  const token = form.get('startedAt');
  // Without JavaScript the static page carries no token; those submissions rely on the honeypot.
  if (token === null || token === '') return false;
  const age = formTokenAge(token);
  return age === null || age < MIN_FILL_MS;
}
