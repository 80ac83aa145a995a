'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * With JavaScript, a link to the times in the zone the candidate's device is set to, when the page shows
 * another. Without it, the zone list above does the same. The server cannot know the zone, so nothing is
 * rendered there (null on the server).
 */
export function BrowserZoneLink({ shown }: { shown: string }) {
  const zone = useSyncExternalStore(never, browserZone, () => null);
  if (!zone || zone === shown) return null;
  return (
    <p>
      <a href={`/applications?${new URLSearchParams({ tz: zone })}#interviews`}>
        Show the times in your device’s time zone, {zone.replaceAll('_', ' ')}
      </a>
    </p>
  );
}
