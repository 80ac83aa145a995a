const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** HTML we wrote ourselves, passed through {@link html} unescaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/**
 * A template for pages written outside React: every interpolated value is escaped, whatever it holds (a
 * request path, a number), unless it is already {@link SafeHtml}.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const out = strings.reduce((text, part, i) => {
    const value = i < values.length ? values[i] : '';
    return text + part + (value instanceof SafeHtml ? value.value : escapeHtml(String(value)));
  }, '');
  return new SafeHtml(out);
}
