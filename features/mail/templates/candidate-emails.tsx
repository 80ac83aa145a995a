import { site } from '@/lib/site';
import { Action, EmailLayout, Paragraph } from './layout';

// What a candidate receives. The private link opens their own page: see, withdraw or erase their applications.

const LinkNote = () => (
  <Paragraph>
    This link is yours alone and works for 30 days; you can ask for a new one at any time at {site.url}
    /applications/access.
  </Paragraph>
);

export function ApplicationReceived({
  postingTitle,
  reference,
  candidateName,
  link,
}: {
  postingTitle: string;
  reference: string;
  candidateName: string;
  link: string;
}) {
  return (
    <EmailLayout title={`We have your application for ${postingTitle}`}>
      <Paragraph>Dear {candidateName},</Paragraph>
      <Paragraph>
        Thank you for applying for {postingTitle} at {site.companyName}. Your reference is <strong>{reference}</strong>.
      </Paragraph>
      <Paragraph>
        What happens next: the hiring team reads every application. If your experience fits the role, we will write to
        you to arrange a first conversation; if not, we will tell you that too. Either way you will hear from us.
      </Paragraph>
      <Paragraph>
        You can see your application, withdraw it, download everything we hold, or erase it, from your own page:
      </Paragraph>
      <Action href={link}>See your application</Action>
      <LinkNote />
    </EmailLayout>
  );
}

export function ApplicationDuplicate({ postingTitle, link }: { postingTitle: string; link: string }) {
  return (
    <EmailLayout title={`You have already applied for ${postingTitle}`}>
      <Paragraph>
        Someone, probably you, just sent an application for {postingTitle} with this email address. We already had an
        application from this address for that role, so we kept the first one and stored nothing new.
      </Paragraph>
      <Paragraph>
        If you did not send the first application, you can withdraw or erase it from your page, and then apply yourself:
      </Paragraph>
      <Action href={link}>See your applications</Action>
      <LinkNote />
    </EmailLayout>
  );
}

export function StatusUpdate({ postingTitle, message, link }: { postingTitle: string; message: string; link: string }) {
  return (
    <EmailLayout title={`Your application for ${postingTitle}`}>
      {message.split(/\n{2,}/).map((paragraph, i) => (
        <Paragraph key={i}>{paragraph}</Paragraph>
      ))}
      <Action href={link}>See your application</Action>
    </EmailLayout>
  );
}

export function Withdrawn({
  postingTitle,
  reference,
  link,
}: {
  postingTitle: string;
  reference: string;
  link: string;
}) {
  return (
    <EmailLayout title={`You have withdrawn your application for ${postingTitle}`}>
      <Paragraph>
        We have withdrawn your application {reference} for {postingTitle}, as you asked. The hiring team will not
        consider it any further.
      </Paragraph>
      <Paragraph>
        We keep it for the period our privacy notice states, then erase it; you can erase it now from your page.
      </Paragraph>
      <Action href={link}>See your applications</Action>
    </EmailLayout>
  );
}

export function Erased({ postingTitle }: { postingTitle: string }) {
  return (
    <EmailLayout title={`Your application for ${postingTitle} is erased`}>
      <Paragraph>
        As you asked, we have erased your application for {postingTitle}: your details, your answers and your resume are
        deleted. What is left is an anonymous record that an application was made and when, for our statistics.
      </Paragraph>
      <Paragraph>We will not write to you about this application again.</Paragraph>
    </EmailLayout>
  );
}

export function AccessLink({ link }: { link: string }) {
  return (
    <EmailLayout title="Your link to your applications">
      <Paragraph>You asked for a link to see your applications to {site.companyName}. Here it is:</Paragraph>
      <Action href={link}>See your applications</Action>
      <LinkNote />
      <Paragraph>
        If you did not ask for it, you can ignore this email: nobody can use the link without this mailbox.
      </Paragraph>
    </EmailLayout>
  );
}
