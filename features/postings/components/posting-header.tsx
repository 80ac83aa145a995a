import Link from 'next/link';
import { acceptsApplications, type Posting } from '@/lib/content/posting';
import { describeEmployment } from './describe';

export function PostingHeader({ posting }: { posting: Posting }) {
  const open = acceptsApplications(posting);
  return (
    <header className="posting__header">
      <p className="breadcrumb">
        <Link href="/careers" prefetch={false}>
          All open positions
        </Link>
      </p>
      <h1>{posting.title}</h1>
      <ul className="posting__facts" aria-label="About this role">
        <li>{posting.category}</li>
        {posting.location ? <li>{posting.location}</li> : null}
        {posting.remote ? <li>Remote</li> : null}
        {posting.employmentType ? <li>{describeEmployment(posting.employmentType)}</li> : null}
        {posting.department ? <li>{posting.department}</li> : null}
      </ul>
      {posting.status === 'draft' ? (
        <p className="notice">Draft: this posting is not published in production.</p>
      ) : null}
      {open ? (
        <p>
          <a className="button" href="#apply">
            Apply now
          </a>
        </p>
      ) : (
        <p className="notice" role="note">
          This position is closed and no longer accepts applications.
        </p>
      )}
    </header>
  );
}
