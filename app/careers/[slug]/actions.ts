'use server';

import { headers } from 'next/headers';
import { DuplicateApplicationError, newReference, StorageUnavailableError, storeApplication } from '@/db/applications';
import { looksLikeBot } from '@/lib/anti-bot/bot-check';
import { checkApplication } from '@/lib/application/check';
import { keptValues, type ApplyState, type FieldErrors } from '@/lib/application/state';
import { APPLY_STAMP_HEADER, validApplyStamp } from '@/lib/apply-gate/stamp';
import { getPosting } from '@/lib/content';
import { SLUG_PATTERN } from '@/lib/content/posting';

/**
 * The Apply Now action. The slug arrives as a hidden field (never `.bind()`: with JavaScript off a bound
 * action under useActionState loops the server) and everything the browser checked is checked again here.
 */
export async function submitApplication(_previous: ApplyState, form: FormData): Promise<ApplyState> {
  // The arguments are whatever the client encoded, not necessarily what our form sends.
  if (!(form instanceof FormData)) {
    return {
      status: 'error',
      errors: {},
      message: 'This is not the application form. Reload the page and try again.',
      values: {},
    };
  }
  const slug = form.get('slug');
  const posting = typeof slug === 'string' && SLUG_PATTERN.test(slug) ? await getPosting(slug) : undefined;
  const fail = (errors: FieldErrors, message?: string): ApplyState => ({
    status: 'error',
    errors,
    message,
    values: keptValues(form),
  });

  // The proxy checked the Origin, the body and the rate; its stamp says it ran for this posting's own page.
  if (posting && !validApplyStamp((await headers()).get(APPLY_STAMP_HEADER), posting.slug)) {
    return fail(
      {},
      'This form was sent to the wrong address. Open the job posting from the careers page and apply there.',
    );
  }
  // A bot sees the same confirmation as a person, with a reference that matches nothing.
  if (looksLikeBot(form)) return { status: 'success', reference: newReference() };
  if (!posting) return fail({}, 'This job posting does not exist. Choose a role from the careers page.');

  const checked = await checkApplication(form, posting);
  if (!checked.ok) return fail(checked.errors, checked.message);
  try {
    const { applicant, answers, resume } = checked;
    const { reference } = await storeApplication({
      ...applicant,
      answers,
      resume,
      postingSlug: posting.slug,
      postingTitle: posting.title,
      consentAt: new Date(),
    });
    return { status: 'success', reference };
  } catch (error) {
    if (error instanceof DuplicateApplicationError) {
      return fail(
        {},
        `You have already applied for ${posting.title} with ${checked.applicant.email}. We have your application and will be in touch; there is no need to apply again.`,
      );
    }
    if (error instanceof StorageUnavailableError) {
      console.error(`[apply] could not store an application for ${posting.slug}: ${error.message}`);
      return fail({}, STORAGE_UNAVAILABLE);
    }
    throw error;
  }
}

const STORAGE_UNAVAILABLE =
  'We could not store your application, so nothing was kept. The problem is on our side: please try again in an hour or so.';
