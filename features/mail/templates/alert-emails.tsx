import type { AlertPosting } from '@/features/alerts/announce';
import { absoluteUrl, site } from '@/lib/site';
import { Action, EmailLayout, Paragraph } from './layout';

// What a job alert's subscriber receives. Every link carries the subscription's token; each alert ends with
// how to change or stop it, and the confirmation says what happens if it is not clicked.

type Links = { manage: string; unsubscribe: string };

export function AlertConfirm({ confirm }: { confirm: string }) {
  return (
    <EmailLayout title="Confirm your job alert">
      <Paragraph>
        Someone, we hope you, asked to hear of new jobs at {site.companyName} at this address. Open this page and press
        its button to start the alert:
      </Paragraph>
      <Action href={confirm}>Confirm my job alert</Action>
      <Paragraph>
        If it was not you, do nothing: without a confirmation the request is deleted within a week, and we will not
        write again.
      </Paragraph>
    </EmailLayout>
  );
}

function Postings({ postings }: { postings: AlertPosting[] }) {
  return (
    <ul>
      {postings.map((p) => (
        <li key={p.postingSlug}>
          <a href={absoluteUrl(`/careers/${p.postingSlug}?src=alert`)}>{p.title}</a>
          {[p.location, p.remote ? 'Remote' : null].filter(Boolean).length
            ? ` (${[p.location, p.remote ? 'Remote' : null].filter(Boolean).join(', ')})`
            : ''}
        </li>
      ))}
    </ul>
  );
}

function AlertFooter({ manage, unsubscribe }: Links) {
  return (
    <>
      <Paragraph>
        You receive this because you asked for job alerts from {site.companyName}.{' '}
        <a href={manage}>Change or keep your alert</a> (it ends a year after you last confirmed it, unless you keep it),
        or <a href={unsubscribe}>unsubscribe</a>.
      </Paragraph>
    </>
  );
}

export function JobAlert({ postings, ...links }: { postings: AlertPosting[] } & Links) {
  return (
    <EmailLayout title={postings.length === 1 ? `A new job: ${postings[0]!.title}` : 'New jobs'}>
      <Paragraph>A job that matches your alert has just opened at {site.companyName}:</Paragraph>
      <Postings postings={postings} />
      <AlertFooter {...links} />
    </EmailLayout>
  );
}

export function AlertDigest({ postings, ...links }: { postings: AlertPosting[] } & Links) {
  return (
    <EmailLayout title="This week’s new jobs">
      <Paragraph>
        {postings.length === 1 ? 'A job' : `${postings.length} jobs`} that match your alert opened at {site.companyName}{' '}
        this week:
      </Paragraph>
      <Postings postings={postings} />
      <AlertFooter {...links} />
    </EmailLayout>
  );
}
