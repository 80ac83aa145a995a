import { LINK_MS } from '@/features/candidate/links';

const LINK_DAYS = LINK_MS / 86_400_000;

/** Below the candidate's applications: everything we hold as a download, and signing out here or everywhere. */
export function YourData() {
  return (
    <>
      <h2>Your data</h2>
      <p>
        <a href="/applications/data" download>
          Download everything we hold about your applications
        </a>{' '}
        (a ZIP file with your details, your answers, the history of each application and your resumes).
      </p>
      <form method="post" action="/applications/sign-out">
        <button type="submit" className="button button--secondary">
          Sign out
        </button>
      </form>
      <h2>Signed in somewhere else?</h2>
      <p>
        Each email we send you carries a private link, which works for {LINK_DAYS} days; asking for a new link stops the
        earlier ones. If a link may have reached someone else, end every session and every link at once.
      </p>
      <form method="post" action="/applications/sign-out?everywhere=1">
        <button type="submit" className="button button--secondary">
          Sign out everywhere
        </button>
      </form>
    </>
  );
}
