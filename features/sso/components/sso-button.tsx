/** "Sign in with …": a form, so it works without JavaScript and another site cannot start it (Origin check). */
export function SsoButton({ name, only = false }: { name: string; only?: boolean }) {
  return (
    <form method="post" action="/admin/sso/start" className="sso-sign-in">
      <button type="submit" className="button">
        Sign in with {name}
      </button>
      <p>
        {only
          ? 'Passwords are off for this team, but for its break-glass account:'
          : 'Or with your email address and password:'}
      </p>
    </form>
  );
}
