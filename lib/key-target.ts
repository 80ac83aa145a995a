// Single-letter keys of the admin pages (the application page's triage, the inbox list) never act while
// someone types, nor with a modifier: the browser's shortcuts stay the browser's.

export type KeyEventLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element's tag and whether it takes typing. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
};

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
// Boxes and buttons take no text: j on a focused checkbox still moves on.
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Whether a page's own keys may act on this press. */
export function isPageKey(event: KeyEventLike): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target;
  if (target?.isContentEditable) return false;
  if (target?.tagName && TYPING_TAGS.has(target.tagName)) {
    return target.tagName === 'INPUT' && NON_TEXT_INPUTS.has(target.type ?? '');
  }
  return true;
}

/**
 * A live region's next words: the same words twice in a row change nothing in the page and would not be read out
 * again, so a no-break space follows them every other time. For `setState(anew(text))`.
 */
export const anew = (text: string) => (said: string) => (said === text ? `${text}\u00a0` : text);
