/**
 * Next and React decode a server action's arguments before our code runs, and answer malformed ones with a
 * 500 (bad JSON, a reference to a missing part). The proxy checks the shape first, so a hand-made post
 * gets a clear 400 page. The browser only ever sends the shapes accepted here.
 */

const parse = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/** React's encoding of our form's state is a few levels deep; anything nested deeper is not from our form. */
const MAX_DEPTH = 32;

/**
 * Strings React gives meaning to start with `$` (a literal `$` is escaped as `$$`). Those that point at another
 * part (`$1`, `$@1`, `$Q1`…, ids in hex) must name a part that was sent; React waits for a missing one and
 * the request fails. `$undefined`, `$NaN`, `$D<date>` and the like stand alone. The walk keeps its own
 * stack, so no input, however deeply nested, can overflow the call stack; too deep counts as dangling.
 */
function danglingReference(root: unknown, hasPart: (tag: string, id: string) => boolean): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (depth > MAX_DEPTH) return true;
    if (typeof value === 'string') {
      const match = /^\$([A-Za-z@]?)([0-9a-f]+)$/.exec(value);
      if (match !== null && !hasPart(match[1]!, String(parseInt(match[2]!, 16)))) return true;
    } else if (value && typeof value === 'object') {
      for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push([item, depth + 1]);
    }
  }
  return false;
}

/**
 * The no-JavaScript form: `$ACTION_REF_<n>` with `$ACTION_<n>:0` = `{"id","bound":"$@1"}` and the bound
 * state as plain JSON in `$ACTION_<n>:1`, or `$ACTION_ID_<id>` for an action without bound arguments.
 */
export function noJsActionFieldsValid(form: FormData): boolean {
  const keys = [...form.keys()].filter((key) => key.startsWith('$ACTION_'));
  if (keys.some((key) => key.startsWith('$ACTION_ID_'))) return true;
  const ref = keys.find((key) => key.startsWith('$ACTION_REF_'));
  if (!ref) return false;
  const prefix = `$ACTION_${ref.slice('$ACTION_REF_'.length)}:`;
  const parts = new Map<string, unknown>();
  for (const key of keys.filter((k) => k.startsWith(prefix))) {
    const text = form.get(key);
    if (typeof text !== 'string') return false;
    const parsed = parse(text);
    if (!parsed.ok) return false;
    parts.set(key.slice(prefix.length), parsed.value);
  }
  const head = parts.get('0') as { id?: unknown; bound?: unknown } | undefined;
  if (!head || typeof head !== 'object' || typeof head.id !== 'string') return false;
  if (head.bound !== null && head.bound !== undefined) {
    const bound = typeof head.bound === 'string' ? /^\$@([0-9a-f]+)$/.exec(head.bound) : null;
    if (!bound || !parts.has(String(parseInt(bound[1]!, 16)))) return false;
  }
  return [...parts].every(([id, value]) => id === '0' || !danglingReference(value, (_, part) => parts.has(part)));
}

/**
 * With JavaScript, React encodes the arguments as multipart: part `0` is the JSON root, and `$K<n>` stands for
 * a FormData whose entries are the parts named `_<n>_…`; other references (`$@<n>`, `$Q<n>`…) name part `<n>`.
 */
export function jsActionBodyValid(form: FormData): boolean {
  const root = form.get('0');
  if (typeof root !== 'string') return false;
  const parsed = parse(root);
  if (!parsed.ok) return false;
  const keys = new Set(form.keys());
  // `$K<n>` is a FormData made of the parts named `_<n>_…`; an empty one is still a FormData.
  return !danglingReference(parsed.value, (tag, id) => tag === 'K' || keys.has(id));
}
