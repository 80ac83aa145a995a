import Bowser from 'bowser';

/**
 * A session's browser as its member would recognise it ("Firefox 133 on Windows"), from the User-Agent it
 * signed in with: bowser knows the browsers and systems; a header it cannot read is named as unknown.
 */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const { browser, os } = Bowser.parse(userAgent);
  const name = browser.name ? [browser.name, browser.version?.split('.')[0]].filter(Boolean).join(' ') : '';
  const system = [os.name, os.versionName ?? ''].filter(Boolean).join(' ');
  if (!name) return system ? `Unknown browser on ${system}` : 'Unknown browser';
  return system ? `${name} on ${system}` : name;
}
