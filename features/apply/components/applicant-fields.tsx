import { COVER_LETTER_MAX_CHARS, RESUME_MAX_MB } from '@/lib/limits';
import { TextField } from './text-field';

/** The order of the fields below, which the error summary follows. */
export const APPLICANT_FIELD_ORDER = ['fullName', 'email', 'phone', 'location', 'profileUrl', 'resume', 'coverLetter'];

const RESUME_ACCEPT =
  '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What every application asks, before the posting's own questions. */
export function ApplicantFields() {
  return (
    <>
      <TextField name="fullName" label="Full name" autoComplete="name" spellCheck={false} maxLength={400} />
      <TextField
        name="email"
        label="Email address"
        hint="We will only use this to contact you about your application."
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
      <TextField name="phone" label="Phone number" optional type="tel" autoComplete="tel" />
      <TextField
        name="location"
        label="Where you are based"
        hint="City and country, for example Lisbon, Portugal."
        optional
        autoComplete="address-level2"
      />
      <TextField
        name="profileUrl"
        label="LinkedIn profile or portfolio"
        hint="A web address starting with https://"
        optional
        type="url"
        autoComplete="url"
        spellCheck={false}
      />
      <TextField
        name="resume"
        label="Resume"
        hint={`A PDF or Word (.docx) file, up to ${RESUME_MAX_MB} MB.`}
        type="file"
        accept={RESUME_ACCEPT}
      />
      <TextField
        name="coverLetter"
        label="Cover letter"
        hint={`Anything you would like us to know, up to ${COVER_LETTER_MAX_CHARS.toLocaleString('en')} characters.`}
        optional
        rows={8}
      />
    </>
  );
}
