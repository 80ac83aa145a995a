import Link from 'next/link';
import type { ApplyState } from '@/features/apply/state';
import { acceptsApplications, type Posting } from '@/lib/content/posting';
import { site } from '@/lib/site';
import { ApplyForm } from './apply-form';

/** The application form of a posting, or why it takes no applications. */
export function ApplySection({
  posting,
  action,
}: {
  posting: Posting;
  action: (state: ApplyState, form: FormData) => Promise<ApplyState>;
}) {
  if (!acceptsApplications(posting)) {
    return (
      <div className="notice" id="apply">
        <h3>Applications are closed</h3>
        <p>
          We are no longer accepting applications for {posting.title}. See our{' '}
          <Link href="/careers">open positions</Link>.
        </p>
      </div>
    );
  }
  return (
    <section className="apply" id="apply" aria-labelledby="apply-title">
      <h3 id="apply-title" className="apply__title">
        Apply for {posting.title}
      </h3>
      <ApplyForm slug={posting.slug} questions={posting.questions} privacyUrl={site.privacyUrl} action={action} />
    </section>
  );
}
