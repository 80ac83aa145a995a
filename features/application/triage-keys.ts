import { isPageKey, type KeyEventLike } from '@/lib/key-target';
import { APPLICATION_STATUSES, STATUS_LABELS, type ApplicationStatus } from '@/lib/status';

// The application page's keys: one list for the handler, the help dialog and docs/admin.md.

/** `1`–`6`: the pipeline's statuses in order (withdrawn is the candidate's own). */
export const STATUS_KEYS: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter((s) => s !== 'withdrawn').slice(
  0,
  6,
);

export const TRIAGE_KEYS: readonly { keys: string; does: string }[] = [
  { keys: 'j', does: 'Next application (older)' },
  { keys: 'k', does: 'Previous application (newer)' },
  ...STATUS_KEYS.map((status, i) => ({ keys: String(i + 1), does: `Move to ${STATUS_LABELS[status]}` })),
  { keys: 'n', does: 'Write a note' },
  { keys: 's', does: 'Fill in your scorecard' },
  { keys: '?', does: 'Show these keys' },
];

export type TriageCommand =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'status'; status: ApplicationStatus }
  | { kind: 'note' }
  | { kind: 'scorecard' }
  | { kind: 'help' };

/** The command a key press asks for, or null when it is not ours (typing, a shortcut of the browser's). */
export function triageCommand(event: KeyEventLike): TriageCommand | null {
  if (!isPageKey(event)) return null;
  switch (event.key) {
    case 'j':
      return { kind: 'next' };
    case 'k':
      return { kind: 'previous' };
    case 'n':
      return { kind: 'note' };
    case 's':
      return { kind: 'scorecard' };
    case '?':
      return { kind: 'help' };
  }
  const index = /^[1-6]$/.test(event.key) ? Number(event.key) - 1 : -1;
  const status = STATUS_KEYS[index];
  return status ? { kind: 'status', status } : null;
}
