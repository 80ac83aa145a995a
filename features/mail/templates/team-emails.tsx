import { formatInZone } from '@/features/interviews/times';
import { ROLE_HINTS, ROLE_LABELS, type Role } from '@/lib/roles';
import { SIGN_IN_CHANGE_WORDS, type SignInChange } from '@/lib/sign-in-changes';
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

/** A member asked for a new password, or an owner sent them the link: it works once, for an hour. */
export function PasswordReset({ sentBy, link }: { sentBy: string | null; link: string }) {
  return (
    <EmailLayout title="Choose a new password">
      <Paragraph>
        {sentBy
          ? `${sentBy} sent you a link to choose a new password for the ${site.shortName} hiring team.`
          : `Someone, we hope you, asked for a link to choose a new password for the ${site.shortName} hiring team.`}{' '}
        The link works once and for one hour; choosing a password signs you out everywhere.
      </Paragraph>
      <Action href={link}>Choose a new password</Action>
      <Paragraph>If you did not expect this email, ignore it: your password stays as it is.</Paragraph>
    </EmailLayout>
  );
}

/** After the password changed: told to the member, so a change they did not make does not go unseen. */
export function PasswordChanged({ how, at, adminUrl }: { how: 'changed' | 'reset'; at: string; adminUrl: string }) {
  return (
    <EmailLayout title={how === 'reset' ? 'Your password was reset' : 'Your password was changed'}>
      <Paragraph>
        The password of your {site.shortName} hiring team account was{' '}
        {how === 'reset' ? 'reset with a link sent by email' : 'changed'} on{' '}
        {formatInZone(Date.parse(at), site.timeZone)} ({site.timeZone} time).{' '}
        {how === 'reset' ? 'Every session' : 'Every other session'} of the account has been signed out.
      </Paragraph>
      <Paragraph>
        If that was not you, ask for a new password at once and tell an owner of the team: someone knows your password
        or can read your email.
      </Paragraph>
      <Action href={adminUrl}>Ask for a new password</Action>
    </EmailLayout>
  );
}

/** A second factor or passkey changed: the member hears of it, with what to do if it was not them. */
export function SignInChanged({ change, at, adminUrl }: { change: SignInChange; at: string; adminUrl: string }) {
  const when = `${formatInZone(Date.parse(at), site.timeZone)} (${site.timeZone} time)`;
  return (
    <EmailLayout title={SIGN_IN_CHANGE_WORDS[change]}>
      {change === 'wrong_codes' ? (
        <Paragraph>
          Someone typed your password right and then wrong sign-in codes for your {site.shortName} hiring team account,
          last on {when}. Your second factor kept them out, but they know your password: change it now.
        </Paragraph>
      ) : (
        <Paragraph>
          {SIGN_IN_CHANGE_WORDS[change]} on {when}: this changes how your {site.shortName} hiring team account signs in.
        </Paragraph>
      )}
      <Paragraph>
        If that was not you, change your password at once and tell an owner of the team: they can remove every second
        factor of your account and end its sessions.
      </Paragraph>
      <Action href={adminUrl}>Review your account</Action>
    </EmailLayout>
  );
}
