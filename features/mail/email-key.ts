/**
 * An email address as it is compared and looked up: trimmed and lower-cased, so one person has one account
 * and one application per posting however they type their address.
 */
export const emailKey = (email: string) => email.trim().toLowerCase();
