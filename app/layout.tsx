import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { feedLinks } from '@/features/postings/feed-links';
import { site } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `Careers at ${site.shortName}`, template: `%s` },
  description: site.tagline,
  openGraph: { siteName: `${site.companyName} Careers`, images: [{ url: site.logoPath }] },
  alternates: { types: feedLinks },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4ed8' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {/* Links here and on the public pages do not prefetch: on a phone, start-up time goes to the page that was
            opened, not to fetching pages that may never be (a click still navigates in the client). */}
        <header className="site-header">
          <Link href="/careers" className="site-header__brand" prefetch={false}>
            {site.companyName} <span className="site-header__section">Careers</span>
          </Link>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <p>
            © {site.companyName} ·{' '}
            <Link href={site.privacyUrl} prefetch={false}>
              Privacy notice
            </Link>{' '}
            · <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
