import { isPageKey, type KeyEventLike } from '@/lib/key-target';

// The inbox list's keys: one list for the handler and the help dialog (and docs/admin.md).

export const INBOX_KEYS: readonly { keys: string; does: string }[] = [
  { keys: 'j', does: 'Next application (older)' },
  { keys: 'k', does: 'Previous application (newer)' },
  { keys: 'o', does: 'Open the application' },
  { keys: 'Enter', does: 'Open the application' },
  { keys: 'x', does: 'Choose it (or not) for the bulk actions' },
  { keys: '?', does: 'Show these keys' },
];

export type InboxCommand = { kind: 'down' } | { kind: 'up' } | { kind: 'open' } | { kind: 'choose' } | { kind: 'help' };

/**
 * The command a key press asks for, or null when it is not ours: while typing, with a modifier, and Enter on a
 * control of its own (a link, a button, a box), which keeps doing what it does.
 */
export function inboxCommand(event: KeyEventLike & { onControl: boolean }): InboxCommand | null {
  if (!isPageKey(event)) return null;
  switch (event.key) {
    case 'j':
      return { kind: 'down' };
    case 'k':
      return { kind: 'up' };
    case 'o':
      return { kind: 'open' };
    case 'Enter':
      return event.onControl ? null : { kind: 'open' };
    case 'x':
      return { kind: 'choose' };
    case '?':
      return { kind: 'help' };
  }
  return null;
}
