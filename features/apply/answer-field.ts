// Kept apart from questions.ts, which imports zod: the form renders question fields on first paint and must
// not pull the validation library into the page's initial JavaScript.

/** Form field name of a question's answer. */
export const answerField = (id: string) => `q_${id}`;
