const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** `text` cut to at most `max` characters as a reader counts them, with an ellipsis when it was cut. */
export function shorten(text: string, max: number): string {
  const chars = [...graphemes.segment(text)].map((part) => part.segment);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, Math.max(1, max - 1))
        .join('')
        .trimEnd()}…`;
}
