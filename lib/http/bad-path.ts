import { html } from './html';

/**
 * A path Next cannot decode (a percent-encoding that is not UTF-8, such as `%ff` or `%C0%AF`) is refused with
 * a 400 and the site's message page, before Next answers it with a bare 500.
 */
export function badPath(pathname: string) {
  try {
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
