import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="page-header">
      <h1>Page not found</h1>
      <p>This position may have been filled or the address may be mistyped.</p>
      <p>
        <Link href="/careers">See all open positions</Link>
      </p>
    </div>
  );
}
