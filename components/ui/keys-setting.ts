import { useSyncExternalStore } from 'react';

// The admin pages' single-letter keys can be turned off (WCAG 2.1.4: speech input types letters as words),
// for this browser, from the list of keys. On by default.

const STORAGE_KEY = 'careers-admin-keys';
const listeners = new Set<() => void>();
// Where storage is refused (a privacy setting), the switch holds for this page only.
let sessionOff = false;

/** Whether the single-letter keys act in this browser. */
export function keysOn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return !sessionOff;
  }
}

export function setKeysOn(on: boolean): void {
  sessionOff = !on;
  try {
    if (on) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, 'off');
  } catch {
    // Remembered for this page only (sessionOff).
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The setting, for rendering; on while the page is drawn on the server. */
export const useKeysOn = () => useSyncExternalStore(subscribe, keysOn, () => true);
