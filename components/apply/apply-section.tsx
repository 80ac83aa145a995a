import type { ApplyState } from '@/lib/application/state';
import { acceptsApplications, type Posting } from '@/lib/content/posting';
import { site } from '@/lib/site';
import { ApplyForm } from './apply-form';

export type ApplyAction = (state: ApplyState, form: FormData) => Promise<ApplyState>;

/** The application form of a posting, or why it takes no applications. */
export function ApplySection({ posting, action }: { posting: Posting; action: ApplyAction }) {
  if (!acceptsApplications(posting)) {
    return (
      <div className="notice" id="apply">
        <h3>Applications are closed</h3>
        <p>
          We are no longer accepting applications for {posting.title}. See our <a href="/careers">open positions</a>.
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
