// Characters refused in what candidates send, shared by the schema, the question answers and file names.

/** C0 and C1 control characters, except tab and line breaks: for text that may span lines. */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Every control character, tabs and line breaks included: for one-line text and file names. */
export const CONTROL_OR_LINE_BREAK = /[\u0000-\u001F\u007F-\u009F]/;
/** Bidirectional overrides and isolates: they can disguise text (a file name, a URL) when it is displayed. */
export const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
