import { site } from '@/lib/site';
import { Action, EmailLayout, Paragraph } from './layout';

/** To the hiring team: who applied for what, and where to read it. No other personal data travels by email. */
export function NewApplication({
  postingTitle,
  candidateName,
  adminUrl,
}: {
  postingTitle: string;
  candidateName: string;
  adminUrl: string;
}) {
  return (
    <EmailLayout title={`New application for ${postingTitle}`}>
      <Paragraph>
        {candidateName} has applied for {postingTitle}. Their application and resume are in the admin area of the{' '}
        {site.shortName} careers site, not in this email:
      </Paragraph>
      <Action href={adminUrl}>Read the application</Action>
    </EmailLayout>
  );
}
