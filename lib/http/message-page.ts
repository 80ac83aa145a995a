/**
 * A small standalone HTML page for answers given outside React (the proxy, a route handler): a refused
 * application, a throttled sign-in. `body` is trusted HTML written by us; the title is plain text.
 */
export function messagePage(
  status: number,
  title: string,
  body: string,
  headers: Record<string, string> = {},
): Response {
  const html =
    `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title}</title><main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">` +
    `<h1>${title}</h1>${body}</main></html>`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}
