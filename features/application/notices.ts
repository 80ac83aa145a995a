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
  'interview-proposed': 'Interview proposed. The candidate is emailed a link to choose a time.',
  'interview-booked': 'Interview booked. Everyone is emailed the calendar invitation.',
  'interview-moved': 'Interview moved. Everyone is emailed the updated invitation.',
  'interview-cancelled': 'Interview cancelled. Anyone who had the invitation is emailed its cancellation.',
};

export const APPLICATION_ERRORS: Record<string, string> = {
  assign:
    'That person cannot open this application (they are not on its posting’s team, or their account is disabled).',
  'erase-role': 'Only owners and recruiters erase applications.',
  'interview-time': 'Give the new time as 2026-12-10 14:00, in a time zone from the list: it must exist there.',
  'interview-time-skipped':
    'That time does not exist in the interview’s time zone (the clocks go forward then): choose another.',
  'interview-time-twice':
    'That time happens twice in the interview’s time zone (the clocks go back then): choose another.',
  'interview-message': 'Keep the message to the candidate under 2,000 characters.',
  'interview-taken': 'An interviewer is already booked at that time: choose another.',
  'interview-past': 'That time has passed: choose one to come.',
  'interview-unchanged': 'The interview is already at that time; nothing was sent.',
  'interview-cancelled': 'That interview is cancelled: propose a new one instead.',
  'interview-closed': 'This application is closed: its interviews cannot be moved.',
  'interview-not-found': 'That interview does not exist, or is not on a posting you are on.',
  'interview-too-late': 'It is too late to change that interview.',
  'interview-not-offered': 'That time was not offered.',
};
