'use client';

import { useRouter } from 'next/navigation';
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { KeysDialog } from '@/components/ui/keys-dialog';
import { keysOn } from '@/components/ui/keys-setting';
import { TRIAGE_KEYS, triageCommand } from '@/features/application/triage-keys';
import { anew } from '@/lib/key-target';
import { STATUS_LABELS, type ApplicationStatus } from '@/lib/status';

const noSubscription = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;

type Props = {
  /** The next (older) and previous (newer) application in the inbox view, with the view's query. */
  nextHref?: string;
  previousHref?: string;
  /** The application's status now; false canMove for an erased one: nothing moves it any more. */
  status: ApplicationStatus;
  canMove: boolean;
};

// Long: the key handler and the help dialog that lists the same keys, kept together so they cannot drift.
/**
 * Triage by keyboard on the application page (features/application/triage-keys.ts decides what a key means). Every
 * key does what a visible control does: the status keys submit the status form, n and s focus the note
 * and the scorecard. What happens is announced in a live region.
 */
export function TriageKeys({ nextHref, previousHref, status, canMove }: Props) {
  const router = useRouter();
  const [announcement, setAnnouncement] = useState('');
  // The keys work only once this script runs: until hydration (and without JavaScript) the hint is hidden.
  const ready = useSyncExternalStore(noSubscription, clientSnapshot, serverSnapshot);
  const dialog = useRef<HTMLDialogElement>(null);

  // A layout effect: the keys work from the moment the page shows, not a frame later (a quick `j` then `2`
  // would otherwise land between the new page appearing and its listener).
  useLayoutEffect(() => {
    function focusFirst(id: string, what: string) {
      const area = document.getElementById(id);
      const control = area?.matches('input, textarea, select, button')
        ? area
        : area?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button');
      if (!control) return setAnnouncement(anew(`There is no ${what} on this page.`));
      control.focus();
    }
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || dialog.current?.open || !keysOn()) return;
      const command = triageCommand({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: event.target instanceof HTMLElement ? event.target : null,
      });
      if (!command) return;
      event.preventDefault();
      switch (command.kind) {
        case 'next':
        case 'previous': {
          const href = command.kind === 'next' ? nextHref : previousHref;
          const which = command.kind === 'next' ? 'next' : 'previous';
          if (!href)
            return setAnnouncement(anew(`This is the ${which === 'next' ? 'last' : 'first'} application in the view.`));
          setAnnouncement(anew(`Opening the ${which} application.`));
          return router.push(href);
        }
        case 'status': {
          const form = document.getElementById('status-form') as HTMLFormElement | null;
          const select = form?.querySelector<HTMLSelectElement>('select[name=status]');
          if (!canMove || !form || !select) return setAnnouncement(anew('This application cannot move any more.'));
          const label = STATUS_LABELS[command.status];
          if (command.status === status) {
            return setAnnouncement(anew(`It is already ${label}.`));
          }
          select.value = command.status;
          const notify = form.querySelector<HTMLInputElement>('input[name=notify]');
          // A key never sends email: that is chosen with the box and the notify page.
          if (notify) notify.checked = false;
          setAnnouncement(anew(`Moving to ${label}.`));
          return form.requestSubmit();
        }
        case 'note':
          return focusFirst('note-body', 'note form');
        case 'scorecard':
          return focusFirst('scorecard', 'scorecard');
        case 'help':
          return dialog.current?.showModal();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [router, nextHref, previousHref, status, canMove]);

  return (
    <>
      <p className="triage-hint" hidden={!ready}>
        Keys: <kbd>j</kbd> next, <kbd>k</kbd> previous, <kbd>1</kbd>–<kbd>6</kbd> status,{' '}
        <button type="button" className="link-button" onClick={() => dialog.current?.showModal()}>
          all keys (<kbd>?</kbd>)
        </button>
      </p>
      {/* A live region without the status role: the page's own "Status updated." notice has that role. */}
      <p id="triage-announcer" className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <KeysDialog ref={dialog} id="triage-keys-title" title="Keys on this page" keys={TRIAGE_KEYS} />
    </>
  );
}
