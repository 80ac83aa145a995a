import Link from 'next/link';
import { UNCONFIRMED_DAYS } from '@/features/alerts/subscriptions';
import { CANDIDATE_SESSION_MS, LINK_MS } from '@/features/candidate/links';
import { site } from '@/lib/site';

const HOUR_MS = 60 * 60 * 1000;

/**
 * What the code does, in words: the figures are the settings the worker and the candidate pages read (the
 * retention periods are passed in, read where the site runs), so the notice cannot promise what the site does
 * not do.
 */
export function PrivacyNotice({ days, auditDays, alertDays }: { days: number; auditDays: number; alertDays: number }) {
  return (
    <article className="prose">
      <h1>Privacy notice for candidates</h1>
      <p>
        {site.companyName} is the controller of the personal data you send when you apply for a role. This notice says
        what we collect, why, who sees it, for how long, and what you can do about it yourself, at any time.
      </p>
      <h2>What we collect</h2>
      <p>
        Your name, email address, and anything else you enter in the application form: phone number, location, profile
        link, resume, cover letter and answers to the role’s questions, and the time you agreed to this notice. We keep
        no analytics or advertising cookies.
      </p>
      <p>
        With your application we also keep where you came from, to learn which places lead people to us: a tag in the
        address of the job posting, if it had one (such as <code>?src=</code> or <code>utm_source</code>), and, when
        your browser runs JavaScript and tells us, the site whose link you followed, reduced to its address (such as
        https://example.com, never the page). We keep the text of the posting as you read it, so the hiring team sees
        what you applied to even after it changes.
      </p>
      <h2>Why</h2>
      <p>
        Only to consider you for the role you applied for and to write to you about it. We do not sell your data, share
        it with recruiters or job boards, or use it to train any model.
      </p>
      <h2>Who sees it</h2>
      <p>
        The hiring team, who review applications in this site’s private admin area; every time one of them opens a
        resume, it is recorded. Your application is stored on our own servers. When you apply, the hiring team receives
        an email with your name, the role and a link to the admin area; your resume and your other details are never
        sent by email. We write to you by email to confirm your application and about its progress.
      </p>
      <h2>How long we keep it</h2>
      <p>
        While we consider your application, and then for {days} days after it is closed (you are hired, we decide not to
        go further, or you withdraw it). Then it is erased automatically: your details, answers and resume are deleted,
        and what remains is an anonymous record that an application was made for the role, and when, for our statistics.
      </p>
      <h2>What remains after an erasure</h2>
      <p>
        Whether you erase an application yourself, ask us to, or the {days} days run out, your name, email address,
        details, answers, resume (with every stored copy of the file), where you came from, the team’s notes and
        ratings, and the emails about it (their text and your address, on our side) are deleted at once. Your private
        link and sessions end when nothing else is held under your address. Emails already delivered (to you, and the
        hiring team’s notice with your name) are in those mailboxes, outside this site.
      </p>
      <p>
        What remains names nobody: the anonymous record above, and our audit log’s entries about the application, which
        say which team member did what to application number so-and-so and when (opened the resume, changed its status,
        exported a list). They hold the application’s number, never your name, address or anything typed into a search,
        and are deleted after {auditDays} days like every entry of the log.
      </p>
      <h2>Job alerts</h2>
      <p>
        If you ask for job alerts, we keep your email address, the filters you chose (team, department, location, remote
        only), how often you want them, and when you asked, confirmed and last renewed them. We use them only to email
        you jobs that match. Nothing is sent until you confirm from the email we send; an alert not confirmed is deleted
        within {UNCONFIRMED_DAYS} days. Every alert email has a link to change your alert, keep it, or unsubscribe
        (which deletes it at once), and your mail program’s own unsubscribe button works too. An alert ends by itself{' '}
        {alertDays} days after you last confirmed, kept or changed it. Alerts at your address are in the download from
        your page, and go when you erase your applications or ask us to erase your data.
      </p>
      <h2>Interviews</h2>
      <p>
        If the team invites you to an interview, we keep what it is (title, kind, length, where), the times offered, the
        time you chose and the time zone you chose it in, and any message the team wrote to you. The interviewers
        receive a calendar invitation with your name and email address, as you receive one with theirs. All of it is
        part of your application: in the download from your page, and erased with it; an interview still to come is then
        taken out of the interviewers’ calendars.
      </p>
      <h2>What you can do yourself</h2>
      <p>
        The email we send when you apply has a private link to your own page (it works for {LINK_MS / (24 * HOUR_MS)}{' '}
        days; you can <Link href="/applications/access">ask for a new one</Link> at any time, which stops the earlier
        ones). From that page you can:
      </p>
      <ul>
        <li>see each of your applications and where it stands;</li>
        <li>withdraw an application, with a reason if you want to give one;</li>
        <li>download everything we hold about your applications, resumes included;</li>
        <li>erase an application at once, without waiting for the {days} days;</li>
        <li>sign out everywhere, which ends every session and every link we sent you.</li>
      </ul>
      <p>
        Opening your page sets a cookie that keeps you signed in to it for {CANDIDATE_SESSION_MS / HOUR_MS} hours, and
        nothing else. You can also write to <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> with your
        application reference for anything this page does not cover, such as correcting your data.
      </p>
    </article>
  );
}
