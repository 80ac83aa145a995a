import Link from 'next/link';
import { describeEmployment } from '@/features/postings/components/describe';
import type { CategoryGroup } from '@/lib/content/posting';
import { site } from '@/lib/site';

type Props = { groups: CategoryGroup[]; total: number; filtered: boolean };

export function PostingList({ groups, total, filtered }: Props) {
  if (groups.length === 0) {
    return (
      <section className="empty-state" aria-live="polite">
        <h2>{filtered ? 'No positions match your search' : 'No open positions right now'}</h2>
        {filtered ? (
          <p>
            Try fewer words or another team, or <Link href="/careers">see all {total} positions</Link>.
          </p>
        ) : (
          <p>
            We are not hiring for any role at the moment. Write to{' '}
            <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> and we will keep you in mind.
          </p>
        )}
      </section>
    );
  }
  return (
    <div className="postings">
      {groups.map(({ category, postings }) => (
        <section key={category} className="postings__group" aria-labelledby={`category-${slugify(category)}`}>
          <h2 id={`category-${slugify(category)}`}>{category}</h2>
          <ul className="postings__list">
            {postings.map((p) => (
              <li key={p.slug} className="posting-card">
                <Link href={`/careers/${p.slug}`} className="posting-card__title" prefetch={false}>
                  {p.title}
                </Link>
                <p className="posting-card__meta">
                  {[
                    p.location,
                    p.remote ? 'Remote' : null,
                    p.employmentType ? describeEmployment(p.employmentType) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  {p.status === 'draft' ? <span className="badge">Draft</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
