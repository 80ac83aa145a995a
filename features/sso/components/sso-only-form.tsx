import { changeSsoOnly } from '@/features/team/actions';

type Status = { name: string; only: boolean; breakGlass: string | null };

/** How the team signs in, on the team page while single sign-on is configured; owners switch it. */
export function SsoOnlyForm({ status, owner }: { status: Status; owner: boolean }) {
  const { name, only, breakGlass } = status;
  const state = only ? `The team signs in with ${name} only.` : `Members sign in with ${name} or with their password.`;
  const keeps = breakGlass
    ? `${breakGlass} (the team’s first account) keeps its password for when ${name} is down.`
    : 'The team’s first account is no longer an active owner, so nobody would keep a password: single sign-on cannot be the only way in.';
  return (
    <section aria-labelledby="sso-heading">
      <h2 id="sso-heading">Single sign-on</h2>
      {owner ? (
        <form action={changeSsoOnly} className="inline-form">
          <input type="hidden" name="only" value={only ? 'no' : 'yes'} />
          <p>
            {state} {keeps}{' '}
            <button type="submit" className="button button--secondary">
              {only ? 'Let members use passwords again' : `Only single sign-on`}
            </button>
          </p>
        </form>
      ) : (
        <p>
          {state} {keeps}
        </p>
      )}
    </section>
  );
}
