'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { looksLikeBot } from '@/features/apply/anti-bot/bot-check';
import { checkApplication } from '@/features/apply/check';
import { APPLY_STAMP_HEADER, validApplyStamp } from '@/features/apply/gate/stamp';
import { parseSource, postingQuery } from '@/features/apply/source';
import { SOURCE_QUERY_FIELD, SOURCE_REFERRER_FIELD } from '@/features/apply/source-fields';
import { keptValues, type ApplyState, type FieldErrors } from '@/features/apply/state';
import { StorageUnavailableError, storeApplication } from '@/features/apply/store';
import { hiringTeamFromEnv } from '@/features/mail/hiring-team';
import { getPosting, getPostingVersion } from '@/lib/content';
import { SLUG_PATTERN, type Posting } from '@/lib/content/posting';
import { siteHost } from '@/lib/http/origin';

// Long: the action's order (stamp, throttle, posting, check, store, answer), each step a call; kept in one
// place so the order that makes it safe reads top to bottom.
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

  const request = await headers();
  // The proxy checked the Origin, the body and the rate; its stamp says it ran for this posting's own page.
  if (posting && !validApplyStamp(request.get(APPLY_STAMP_HEADER), posting.slug)) {
    return fail(
      {},
      'This form was sent to the wrong address. Open the job posting from the careers page and apply there.',
    );
  }
  // A bot sees the same confirmation as a person, and nothing is stored.
  if (looksLikeBot(form)) redirect(confirmationOf(typeof slug === 'string' && posting ? posting.slug : undefined));
  if (!posting) return fail({}, 'This job posting does not exist. Choose a role from the careers page.');

  const checked = await checkApplication(form, posting);
  if (!checked.ok) return fail(checked.errors, checked.message);
  const { applicant, answers, resume } = checked;
  const { source, medium, campaign, referrer } = sourceOf(form, request, posting.slug);
  const version = await getPostingVersion(posting);
  try {
    // Stored, or a duplicate (whose address is told by email): either way the same confirmation on screen.
    await storeApplication({
      application: {
        ...applicant,
        answers,
        resume,
        version,
        source,
        sourceMedium: medium,
        sourceCampaign: campaign,
        referrer,
        postingSlug: posting.slug,
        postingTitle: posting.title,
        consentAt: new Date(),
      },
      hiringTeam: hiringTeamOf(posting),
    });
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error(`[apply] could not store an application for ${posting.slug}: ${error.message}`);
    return fail({}, STORAGE_UNAVAILABLE);
  }
  // POST, then 303 to a light page: the posting is not rendered again, and a reload sends nothing twice.
  redirect(confirmationOf(posting.slug));
}

/**
 * Where the candidate came from: the posting page's `?src=`/utm_* (from the enhancement's hidden field, or
 * without JavaScript from the Referer of the form's POST) and the referring site (only the enhancement knows
 * it). All of it is untrusted and parsed down to short text.
 */
function sourceOf(form: FormData, request: Headers, slug: string) {
  const host = siteHost(request);
  const query = postingQuery(
    { field: form.get(SOURCE_QUERY_FIELD), refererHeader: request.get('referer') },
    { siteHost: host, path: `/careers/${slug}` },
  );
  const referrer = form.get(SOURCE_REFERRER_FIELD);
  return parseSource({ query, referrer: typeof referrer === 'string' ? referrer : null, siteHost: host });
}

const confirmationOf = (slug: string | undefined) => (slug ? `/careers/${slug}/applied` : '/careers');

/** The posting's own `hiringTeam:`, or HIRING_TEAM_EMAIL (checked when the server starts). */
const hiringTeamOf = (posting: Posting): string[] =>
  posting.hiringTeam.length ? posting.hiringTeam : hiringTeamFromEnv();

const STORAGE_UNAVAILABLE =
  'We could not store your application, so nothing was kept. The problem is on our side: please try again in an hour or so.';
