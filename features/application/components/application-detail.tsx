import { formatDateTime } from '@/components/ui/utc-date';
import type { Answer } from '@/features/apply/questions';
import { STATUS_LABELS, type ApplicationStatus } from '@/lib/status';

export type ApplicationDetail = {
  id: number;
  reference: string;
  fullName: string;
  email: string;
  phone: string | null;
  location: string | null;
  profileUrl: string | null;
  coverLetter: string | null;
  answers: Answer[] | null;
  postingTitle: string;
  status: ApplicationStatus;
  createdAt: Date;
  consentAt: Date;
  resumeFileName: string;
  resumeMediaType: string;
  resumeSize: number;
  source: string | null;
  sourceMedium: string | null;
  sourceCampaign: string | null;
  referrer: string | null;
  versionAt: Date | null;
};

const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

// Long: every field the candidate sent, in the form's order.
/** Every field the candidate sent. React escapes all of it; a link is only made from an http(s) URL. */
export function ApplicationFields({ application: a }: { application: ApplicationDetail }) {
  const href = a.profileUrl ? safeHref(a.profileUrl) : undefined;
  return (
    <dl className="admin-fields">
      <dt>Reference</dt>
      <dd className="reference">{a.reference}</dd>
      <dt>Posting</dt>
      <dd>
        {a.postingTitle}
        {a.versionAt ? (
          <>
            {' · '}
            <a href={`/admin/applications/${a.id}/version`}>
              Applied to the version of <time dateTime={a.versionAt.toISOString()}>{formatDateTime(a.versionAt)}</time>
            </a>
          </>
        ) : null}
      </dd>
      <dt>Source</dt>
      <dd>
        <SourceText application={a} />
      </dd>
      <dt>Status</dt>
      <dd>{STATUS_LABELS[a.status]}</dd>
      <dt>Email</dt>
      <dd>
        <a href={`mailto:${a.email}`}>{a.email}</a>
      </dd>
      <dt>Phone</dt>
      <dd>{a.phone ?? 'Not given'}</dd>
      <dt>Location</dt>
      <dd>{a.location ?? 'Not given'}</dd>
      <dt>Profile</dt>
      <dd>
        {a.profileUrl ? (
          href ? (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {a.profileUrl}
            </a>
          ) : (
            a.profileUrl
          )
        ) : (
          'Not given'
        )}
      </dd>
      <dt>Received</dt>
      <dd>
        <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time>
      </dd>
      <dt>Consent given</dt>
      <dd>
        <time dateTime={a.consentAt.toISOString()}>{formatDateTime(a.consentAt)}</time>
      </dd>
      <dt>Cover letter</dt>
      <dd className="admin-letter">{a.coverLetter ?? 'No cover letter'}</dd>
      {(a.answers ?? []).map((answer) => (
        <div key={answer.id} className="admin-fields__answer">
          <dt>{answer.label}</dt>
          <dd className="admin-letter">{formatAnswer(answer)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Where the candidate came from; the referring site is shown as text, never a link (anyone can send one). */
function SourceText({ application: a }: { application: ApplicationDetail }) {
  if (!a.source) return <>Unknown</>;
  const details = [
    a.sourceMedium ? `medium: ${a.sourceMedium}` : null,
    a.sourceCampaign ? `campaign: ${a.sourceCampaign}` : null,
    a.referrer ? `referred by ${a.referrer}` : null,
  ].filter(Boolean);
  return (
    <>
      {a.source}
      {details.length ? ` (${details.join('; ')})` : null}
    </>
  );
}

function formatAnswer({ type, answer }: Answer): string {
  if (Array.isArray(answer)) return answer.join(', ');
  if (type === 'yes_no') return answer === 'yes' ? 'Yes' : 'No';
  return answer;
}
