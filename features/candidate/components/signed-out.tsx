import Link from 'next/link';

/** The candidate's page before they open a private link, or after they have ended every session. */
export function SignedOut({ notice }: { notice?: string }) {
  return (
    <article className="prose">
      <h1>Your applications</h1>
      {notice === 'signed-out-everywhere' ? (
        <p className="notice" role="status">
          You are signed out everywhere: every private link we sent you has stopped working. Ask for a new link below
          when you need one.
        </p>
      ) : null}
      {notice === 'erased' ? (
        // Erasing the address's last application forgets the address, its links and this session with it.
        <p className="notice" role="status">
          Your application is erased. We have sent you an email to confirm it. We hold nothing else under your address,
          so your private link has stopped working too.
        </p>
      ) : null}
      <p>
        You can see your applications, withdraw them, download everything we hold about them or erase them, from a
        private link we send by email. No account or password is needed.
      </p>
      <p>
        <Link className="button" href="/applications/access">
          Email me a link
        </Link>
      </p>
    </article>
  );
}
