/** The id of a field's control (for groups, of their first option): the target of error summary links. */
export const fieldId = (name: string) => `apply-${name}`;
