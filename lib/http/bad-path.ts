import { html } from './html';

/**
 * The path of a request's target, or null when it is no URL at all: Node's parser lets through targets such as
 * `//a:b` or `//[` that `new URL` refuses, and a throw there left the request unanswered, its socket held.
 */
export function pathnameOf(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

/**
 * A path Next cannot decode (a percent-encoding that is not UTF-8, such as `%ff` or `%C0%AF`), or a target that
 * is no URL (`pathnameOf` gave null), is refused with a 400 and the site's message page, before Next answers
 * it with a bare 500.
 */
export function badPath(pathname: string | null) {
  try {
    if (pathname === null) throw new URIError('not a URL');
    decodeURIComponent(pathname);
    return null;
  } catch {
    return {
      status: 400,
      title: 'This address is not valid',
      body: html`<p>The address has characters that do not make sense. <a href="/careers">See the open roles</a>.</p>`,
    };
  }
}
