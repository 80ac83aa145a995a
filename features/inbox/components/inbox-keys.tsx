'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { KeysDialog } from '@/components/ui/keys-dialog';
import { keysOn } from '@/components/ui/keys-setting';
import { INBOX_KEYS, inboxCommand } from '@/features/inbox/inbox-keys';
import { anew } from '@/lib/key-target';

const noSubscription = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;

const CURSOR = 'inbox-row--cursor';

// Long: the key handler and the help dialog that lists the same keys, kept together so they cannot drift.
/**
 * Triage by keyboard on the inbox list (features/inbox/inbox-keys.ts decides what a key means), over the rows the
 * server drew in the table `tableId`: j and k move a cursor (the row is marked and its link focused), o or Enter
 * opens it, x ticks its box for the bulk actions. Every key does what a visible control does.
 */
export function InboxKeys({ tableId }: { tableId: string }) {
  const [announcement, setAnnouncement] = useState('');
  // The keys work only once this script runs: until hydration (and without JavaScript) the hint is hidden.
  const ready = useSyncExternalStore(noSubscription, clientSnapshot, serverSnapshot);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const rows = () => Array.from(document.querySelectorAll<HTMLTableRowElement>(`#${tableId} tbody tr`));
    const link = (row: HTMLTableRowElement) => row.querySelector<HTMLAnchorElement>('a[href]');
    /** The row the cursor is on: the one holding the focus, else the one marked. */
    function current(all: HTMLTableRowElement[]) {
      const focused = document.activeElement?.closest('tr');
      const index = all.findIndex((row) => row === focused);
      return index >= 0 ? index : all.findIndex((row) => row.classList.contains(CURSOR));
    }
    function moveTo(all: HTMLTableRowElement[], index: number) {
      for (const row of all) {
        row.classList.remove(CURSOR);
        row.removeAttribute('aria-current');
      }
      const row = all[index];
      if (!row) return;
      row.classList.add(CURSOR);
      row.setAttribute('aria-current', 'true');
      link(row)?.focus();
    }
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || dialog.current?.open || !keysOn()) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const command = inboxCommand({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target,
        onControl: Boolean(target?.closest('a, button, input, select, textarea, summary')),
      });
      if (!command) return;
      const all = rows();
      const at = current(all);
      if (command.kind === 'help') {
        event.preventDefault();
        return dialog.current?.showModal();
      }
      if (!all.length) return;
      event.preventDefault();
      switch (command.kind) {
        case 'down':
          if (at === all.length - 1) return setAnnouncement(anew('This is the last application on this page.'));
          return moveTo(all, at + 1);
        case 'up':
          if (at === 0) return setAnnouncement(anew('This is the first application on this page.'));
          return moveTo(all, at < 0 ? 0 : at - 1);
        case 'open': {
          const row = all[at];
          if (!row) return setAnnouncement(anew('Choose an application with j or k first.'));
          return link(row)?.click();
        }
        case 'choose': {
          const box = all[at]?.querySelector<HTMLInputElement>('input[type=checkbox]');
          if (!box) return setAnnouncement(anew('Choose an application with j or k first.'));
          box.click();
          return setAnnouncement(anew(box.checked ? 'Chosen.' : 'No longer chosen.'));
        }
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tableId]);

  return (
    <>
      <p className="triage-hint" hidden={!ready}>
        Keys: <kbd>j</kbd> <kbd>k</kbd> move, <kbd>o</kbd> open, <kbd>x</kbd> choose,{' '}
        <button type="button" className="link-button" onClick={() => dialog.current?.showModal()}>
          all keys (<kbd>?</kbd>)
        </button>
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <KeysDialog ref={dialog} id="inbox-keys-title" title="Keys on this list" keys={INBOX_KEYS} />
    </>
  );
}
