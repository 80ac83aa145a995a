import type { Metadata } from 'next';
import Link from 'next/link';

// The page an emailed link opens. Mail scanners open links by themselves, so opening it changes nothing:
// only the button's POST signs the candidate in. The token is in the address, so no Referer may carry it to
// another site: `same-origin` (not `no-referrer`, which makes the browser send `Origin: null` with the POST,
// and the sign-in refuses what it cannot tell from a cross-site request).
export const metadata: Metadata = {
  title: 'Open your applications',
  robots: { index: false },
  referrer: 'same-origin',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OpenPage({ searchParams }: Props) {
  const { token } = await searchParams;
  if (typeof token !== 'string' || token === '') {
    return (
      <article className="prose">
        <h1>This link is not complete</h1>
        <p>
          The link in your email may have been cut short. <Link href="/applications/access">Ask for a new one</Link>.
        </p>
      </article>
    );
  }
  return (
    <article className="prose">
      <h1>Your applications</h1>
      <p>To see your applications, confirm that it is you who opened this link from your email.</p>
      <form method="post" action="/applications/session">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          Open my applications
        </button>
      </form>
    </article>
  );
}
