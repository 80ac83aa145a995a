import type { ReactNode } from 'react';
import { absoluteUrl, site } from '@/lib/site';

// Email clients ignore style sheets and most of CSS: the look is inline, in the site's colour, on one column.
const BRAND = '#1d4ed8';
const TEXT = {
  fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
  color: '#1f2937',
  lineHeight: 1.5,
};

export function EmailLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="en">
      {/* An email rendered by react-dom/server, not a Next page: next/head has no place here. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={{ margin: 0, padding: '24px 12px', background: '#f3f4f6' }}>
        <div
          style={{
            ...TEXT,
            maxWidth: 560,
            margin: '0 auto',
            background: '#ffffff',
            padding: 24,
            borderTop: `4px solid ${BRAND}`,
          }}
        >
          <p style={{ margin: '0 0 16px', fontWeight: 700, color: BRAND }}>{site.companyName} Careers</p>
          <h1 style={{ fontSize: 20, margin: '0 0 16px' }}>{title}</h1>
          {children}
          <p style={{ margin: '24px 0 0', fontSize: 13, color: '#6b7280' }}>
            {site.companyName} · <a href={absoluteUrl(site.privacyUrl)}>How we handle your data</a> ·{' '}
            {site.contactEmail}
          </p>
        </div>
      </body>
    </html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <p style={{ margin: '0 0 12px' }}>{children}</p>;
}

/** The one thing to do in the email, as a button that is also a plain link. */
export function Action({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p style={{ margin: '20px 0' }}>
      <a
        href={href}
        style={{
          background: BRAND,
          color: '#ffffff',
          padding: '10px 16px',
          borderRadius: 6,
          textDecoration: 'none',
          display: 'inline-block',
        }}
      >
        {children}
      </a>
    </p>
  );
}
