/**
 * The bulk email's text for one candidate: `{name}` stands for their name. Replaced by a function, because a
 * replacement string gives `$&`, `` $` ``, `$'` and `$$` a meaning, and a name is data, never a pattern.
 */
export const withName = (message: string, name: string) => message.replaceAll('{name}', () => name);
