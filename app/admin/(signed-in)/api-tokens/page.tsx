import type { Metadata } from 'next';
import { Notice } from '@/components/ui/notice';
import { addToken } from '@/features/api/actions';
import { TokenForm } from '@/features/api/components/token-form';
import { TokensTable } from '@/features/api/components/tokens-table';
import { TOKEN_ERRORS, TOKEN_SAVED } from '@/features/api/notices';
import { listApiTokens } from '@/features/api/tokens';
import { currentViewer } from '@/features/staff/context';

export const metadata: Metadata = { title: 'API tokens' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApiTokensPage({ searchParams }: Props) {
  const viewer = await currentViewer();
  if (viewer?.role !== 'owner') {
    return (
      <>
        <h1>API tokens</h1>
        <p>Only owners manage API tokens. Ask an owner if a program of your team needs one.</p>
      </>
    );
  }
  const [query, tokens] = await Promise.all([searchParams, listApiTokens()]);
  return (
    <>
      <h1>API tokens</h1>
      <Notice query={query} saved={TOKEN_SAVED} errors={TOKEN_ERRORS} />
      <p>
        A token lets a program (an HR system, a script) use the API at <code>/api/v1</code>, described at{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. It acts for you, sees what a recruiter sees, and stops
        working when it is revoked or your account is disabled. Every use is in the audit log.
      </p>
      <TokensTable tokens={tokens} />
      <section aria-labelledby="add-token">
        <h2 id="add-token">Create a token</h2>
        <TokenForm action={addToken} />
      </section>
    </>
  );
}
