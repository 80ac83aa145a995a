import type { ApplicationStatus } from '@/lib/status';

// What the team says by default when it tells a candidate their application moved. The admin sees the
// text, can change every word, and sends it only by choosing to (app/admin/…/notify). A rejection is
// written to be kind and final: it thanks, it says no plainly, and it leaves the door open.

export const STATUS_MESSAGE_MAX_CHARS = 5_000;

type Names = { candidateName: string; postingTitle: string; companyName: string };

const BODIES: Record<ApplicationStatus, (n: Names) => string> = {
  new: (n) =>
    `Thank you for applying for ${n.postingTitle}. Your application is with the hiring team, who read every one; we will write to you again as soon as there is news.`,
  reviewing: (n) =>
    `The hiring team is now reviewing your application for ${n.postingTitle}. We will write to you again when we have decided on the next step.`,
  interview: (n) =>
    `We enjoyed reading your application for ${n.postingTitle} and would like to meet you. We will write to you within a few days to agree on a time that suits you.`,
  offer: (n) =>
    `We are delighted to tell you that we would like to offer you the role of ${n.postingTitle}. We will be in touch very soon with the details of the offer.`,
  hired: (n) =>
    `Welcome to ${n.companyName}! We are very glad you accepted our offer for ${n.postingTitle}, and we look forward to working with you.`,
  rejected: (n) =>
    `Thank you for applying for ${n.postingTitle}, and for the time you gave to your application. We have read it carefully, and we have decided not to take it further for this role.\n\nWe know this is not the news you hoped for. The decision is about this role at this moment, and not a judgement of you: please do apply again when you see a role at ${n.companyName} that suits you.\n\nWe wish you every success.`,
  withdrawn: (n) => `We have recorded that your application for ${n.postingTitle} is withdrawn, as you asked.`,
};

/** The text an admin starts from: a greeting, what happened, and the team's signature. */
export function defaultStatusMessage(status: ApplicationStatus, names: Names): string {
  return `Dear ${names.candidateName},\n\n${BODIES[status](names)}\n\nThe ${names.companyName} hiring team`;
}
