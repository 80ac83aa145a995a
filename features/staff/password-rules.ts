// How long a password may be: shared by the forms in the browser (no crypto there) and the server's checks.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
