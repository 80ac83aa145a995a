import Link from 'next/link';

/** Back to the inbox view the manager came from, and the newer and older application within it. */
export function ApplicationPager({
  neighbours,
  suffix,
}: {
  neighbours: { newer?: number | null; older?: number | null };
  /** The inbox view's query, `?…` or empty. */
  suffix: string;
}) {
  return (
    <nav className="pager" aria-label="Applications in this view">
      <Link href={`/admin${suffix}`}>Back to the list</Link>
      {neighbours.newer ? (
        <Link href={`/admin/applications/${neighbours.newer}${suffix}`} rel="prev">
          Previous (newer)
        </Link>
      ) : null}
      {neighbours.older ? (
        <Link href={`/admin/applications/${neighbours.older}${suffix}`} rel="next">
          Next (older)
        </Link>
      ) : null}
    </nav>
  );
}
