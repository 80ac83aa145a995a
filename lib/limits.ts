/** Limits shared by the browser, the server action, the proxy and next.config.ts. */
export const RESUME_MAX_MB = 10;
export const RESUME_MAX_BYTES = RESUME_MAX_MB * 1024 * 1024;
export const COVER_LETTER_MAX_CHARS = 10_000;
/** Body limit for server actions: the largest resume plus room for the text fields and multipart framing. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = RESUME_MAX_BYTES + 512 * 1024;
/** The longest note an admin can add to an application. */
export const NOTE_MAX_CHARS = 5_000;
