import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element when it mounts, and again whenever `trigger` changes (a new submission's
 * errors). `autoFocus` covers the server-rendered page (no JavaScript), but React only honours it on form
 * controls when it renders in the browser.
 */
export function useFocusOnMount<T extends HTMLElement>(trigger?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [trigger]);
  return ref;
}
