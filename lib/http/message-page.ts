import { html, type SafeHtml } from './html';

/** A small standalone HTML page: a refused application, a throttled sign-in, a body that is too large. */
export function messageHtml(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>
        ${title}
      </title>
      <main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
        <h1>${title}</h1>
        ${body}
      </main>
    </html>`.value;
}

export const MESSAGE_HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } as const;

/** The same page as a Response, for answers given outside React (the proxy, a route handler). */
export function messagePage(
  status: number,
  title: string,
  body: SafeHtml,
  headers: Record<string, string> = {},
): Response {
  return new Response(messageHtml(title, body), { status, headers: { ...MESSAGE_HEADERS, ...headers } });
}
