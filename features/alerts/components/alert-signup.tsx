import Link from 'next/link';
import type { AlertFacets } from '@/features/alerts/facets';
import { site } from '@/lib/site';
import { AlertChoiceFields } from './alert-choice-fields';

type Props = {
  facets: AlertFacets;
  /** A team chosen already (a posting's own). */
  category?: string;
  /** Where the form sits: ids stay unique when a page has it once, and the heading fits the page. */
  id?: string;
  headingLevel?: 2 | 3;
  error?: 'email' | 'form';
};

/**
 * "Tell me about new jobs": a plain form posted to /alerts/subscribe, so it works without JavaScript and adds
 * none to the page. The answer is the same whether the address is known or not; the address confirms by email.
 */
export function AlertSignup({ facets, category = '', id = 'alert', headingLevel = 2, error }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="alert-signup" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>Tell me about new jobs</Heading>
      <p>
        Get an email when a job that fits opens at {site.shortName}. We use your address for these alerts only; you can
        change or stop them from any alert email (
        <Link href={site.privacyUrl} prefetch={false}>
          privacy notice
        </Link>
        ).
      </p>
      <form method="post" action="/alerts/subscribe" className="alert-signup__form" noValidate>
        <div className={error === 'email' ? 'field field--error' : 'field'}>
          {/* Not "Email address": a posting's page has the application form's too. */}
          <label className="field__label" htmlFor={`${id}-email`}>
            Email for job alerts
          </label>
          {error === 'email' ? (
            <p className="field__error" id={`${id}-email-error`}>
              <span className="visually-hidden">Error: </span>Enter an email address in the correct format, like
              name@example.com
            </p>
          ) : null}
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            required
            aria-describedby={error === 'email' ? `${id}-email-error` : undefined}
            aria-invalid={error === 'email' ? true : undefined}
          />
        </div>
        <AlertChoiceFields
          id={id}
          facets={facets}
          choice={{
            category: category || null,
            department: null,
            location: null,
            remoteOnly: false,
            frequency: 'instant',
          }}
        />
        {error === 'form' ? (
          <p className="field__error" role="alert">
            That form could not be read. Choose from the lists and send it again.
          </p>
        ) : null}
        <button type="submit" className="button button--secondary">
          Email me new jobs
        </button>
      </form>
    </section>
  );
}
