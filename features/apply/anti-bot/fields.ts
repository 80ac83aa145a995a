/**
 * The form's two fields for telling bots from people, besides the candidate's own: a honeypot that people
 * never see (named to tempt a bot that fills in every field) and the signed time the form was started.
 */
export const HONEYPOT_FIELD = 'website';
export const STARTED_AT_FIELD = 'startedAt';
export const ANTI_BOT_FIELDS: readonly string[] = [HONEYPOT_FIELD, STARTED_AT_FIELD];
