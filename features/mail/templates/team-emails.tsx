import { ROLE_HINTS, ROLE_LABELS, type Role } from '@/lib/roles';
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

/** A colleague asked to join: the one-time link sets their password. */
export function Invitation({ inviterEmail, role, link }: { inviterEmail: string; role: Role; link: string }) {
  return (
    <EmailLayout title="Join the hiring team">
      <Paragraph>
        {inviterEmail} invited you to the {site.shortName} hiring team as {ROLE_LABELS[role].toLowerCase()}:{' '}
        {ROLE_HINTS[role]}
      </Paragraph>
      <Paragraph>The link below works once and for seven days. It asks you to choose your password.</Paragraph>
      <Action href={link}>Join the hiring team</Action>
    </EmailLayout>
  );
}

/** A team member has an application to look at. */
export function Assignment({
  postingTitle,
  candidateName,
  assignedBy,
  adminUrl,
}: {
  postingTitle: string;
  candidateName: string;
  assignedBy: string;
  adminUrl: string;
}) {
  return (
    <EmailLayout title={`Assigned to you: ${candidateName}`}>
      <Paragraph>
        {assignedBy} assigned you the application of {candidateName} for {postingTitle}.
      </Paragraph>
      <Action href={adminUrl}>Read the application</Action>
    </EmailLayout>
  );
}

/** To whoever added a webhook endpoint: it failed for a day, so nothing more is posted to it until resumed. */
export function WebhookPaused({ url, lastError, adminUrl }: { url: string; lastError: string; adminUrl: string }) {
  return (
    <EmailLayout title="A webhook endpoint was paused">
      <Paragraph>
        Every delivery to the endpoint at {url} failed for a day, so the {site.shortName} careers site has paused it:
        new events are not sent to it until someone resumes it in the admin area. The last answer was: {lastError}
      </Paragraph>
      <Action href={adminUrl}>See its deliveries</Action>
    </EmailLayout>
  );
}
