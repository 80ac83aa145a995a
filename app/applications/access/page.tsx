import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'A link to your applications', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Ask for a fresh private link. The answer is the same whether or not the address has applied. */
export default async function AccessPage({ searchParams }: Props) {
  const { sent, link, error } = await searchParams;
  return (
    <article className="prose">
      <h1>A link to your applications</h1>
      {sent ? (
        <p className="notice" role="status">
          If we have applications from that address, we have sent it a link. It can take a few minutes to arrive; look
          in your spam folder too. The link works for 30 days.
        </p>
      ) : null}
      {link === 'expired' ? (
        <p className="notice" role="status">
          That link has expired or is not valid any more. Ask for a new one below.
        </p>
      ) : null}
      <p>
        Enter the email address you applied with. We will email it a private link to see, withdraw or erase your
        applications.
      </p>
      <form method="post" action="/applications/access/request" noValidate>
        <div className={error ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="access-email">
            Email address
          </label>
          {error ? (
            <p className="field__error" id="access-email-error">
              <span className="visually-hidden">Error: </span>Enter an email address in the correct format, like
              name@example.com
            </p>
          ) : null}
          <input
            id="access-email"
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            required
            aria-describedby={error ? 'access-email-error' : undefined}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button">
          Email me a link
        </button>
      </form>
    </article>
  );
}
