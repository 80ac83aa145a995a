import { formatDateTime } from '@/components/ui/utc-date';
import { revokeTokenAction } from '@/features/api/actions';
import type { listApiTokens } from '@/features/api/tokens';

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];

export function TokensTable({ tokens }: { tokens: Token[] }) {
  if (!tokens.length) return <p>No API tokens yet.</p>;
  return (
    <table className="admin-table">
      <caption>API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Scopes</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <th scope="row">
              {token.name}
              <div>
                <code>{token.prefix}…</code>
              </div>
            </th>
            <td>{token.scopes.join(', ')}</td>
            <td>
              {formatDateTime(token.createdAt)} by {token.createdBy}
            </td>
            <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
            <td>
              {token.revokedAt ? (
                `Revoked ${formatDateTime(token.revokedAt)}`
              ) : (
                <form action={revokeTokenAction} className="inline-form">
                  <input type="hidden" name="token" value={token.id} />
                  <button type="submit" className="button button--secondary">
                    Revoke<span className="visually-hidden"> {token.name}</span>
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
