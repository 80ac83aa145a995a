// The headers every response carries (next.config.ts sends them; server.ts adds HSTS over https). The policy
// is the same for every page, so prerendered pages stay prerendered: no nonce, hence 'unsafe-inline' for
// scripts, because Next's pages carry inline scripts (the RSC payload) and a static page cannot carry a
// per-request nonce. Everything else is shut: no plugins, no <base>, forms only to us, no framing.

type Options = { dev?: boolean; frameAncestors?: string };

export function contentSecurityPolicy({ dev = false, frameAncestors = "'none'" }: Options = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids; production never does.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

// Powerful features the site never uses, turned off for it and anything it might embed.
const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export function securityHeaders(options: Options = {}): { key: string; value: string }[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
  ];
}

/** A stored file (a candidate's resume): no scripts, no origin, framed by our own pages only. */
export const RESUME_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

export const HSTS = 'max-age=31536000; includeSubDomains';
