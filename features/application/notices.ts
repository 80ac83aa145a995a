// What the application page says after a form: keys in the URL, each mapped to a fixed text here.

export const APPLICATION_SAVED: Record<string, string> = {
  status: 'Status updated.',
  'status-emailed': 'Status updated. The email to the candidate is on its way.',
  'status-unchanged': 'The status had already changed; nothing was sent.',
  note: 'Note added.',
  scorecard: 'Scorecard saved.',
  erased: 'The application is erased.',
  assigned: 'Assigned.',
  unassigned: 'Assigned to nobody.',
};

export const APPLICATION_ERRORS: Record<string, string> = {
  assign:
    'That person cannot open this application (they are not on its posting’s team, or their account is disabled).',
  'erase-role': 'Only owners and recruiters erase applications.',
};
