import type { Metadata } from 'next';
import { site } from '@/lib/site';

export const metadata: Metadata = { title: `Privacy notice for candidates · ${site.shortName}` };

export default function PrivacyPage() {
  return (
    <article className="prose">
      <h1>Privacy notice for candidates</h1>
      <p>
        {site.companyName} is the controller of the personal data you send when you apply for a role. This notice says
        what we collect, why, for how long, and what you can ask of us.
      </p>
      <h2>What we collect</h2>
      <p>
        Your name, email address, and anything else you enter in the application form: phone number, location, profile
        link, resume and cover letter, and the time you agreed to this notice.
      </p>
      <h2>Why</h2>
      <p>
        Only to consider you for the role you applied for and to contact you about it. We do not sell your data, share
        it with recruiters or job boards, or use it to train any model.
      </p>
      <h2>Who sees it</h2>
      <p>The people on the hiring team for the role. Your application is stored on our own servers.</p>
      <h2>How long we keep it</h2>
      <p>Twelve months after you apply, then we delete it, unless you join us.</p>
      <h2>Your rights</h2>
      <p>
        You can ask for a copy of your data, its correction or its deletion at any time by writing to{' '}
        <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> with your application reference.
      </p>
    </article>
  );
}
