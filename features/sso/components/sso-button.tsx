/** "Sign in with …": a form, so it works without JavaScript and another site cannot start it (Origin check). */
export function SsoButton({ name }: { name: string }) {
  return (
    <form method="post" action="/admin/sso/start" className="sso-sign-in">
      <button type="submit" className="button">
        Sign in with {name}
      </button>
      <p>Or with your email address and password:</p>
    </form>
  );
}
