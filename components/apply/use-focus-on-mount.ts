import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element when it mounts. `autoFocus` covers the server-rendered page (no JavaScript),
 * but React only honours it on form controls when it renders in the browser.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
