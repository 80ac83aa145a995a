import { RESUME_MEDIA_TYPES } from '@/features/resumes/sniff';
import { ResumePdfPreview } from './resume-pdf-preview';

type Props = {
  id: number;
  fullName: string;
  resume: { fileName: string; size: number; mediaType: string };
  /** Where the preview frame's document is served (features/resumes/viewer/assets.ts). */
  viewerUrl: string;
};

/** The resume: a download, and a preview that runs nothing of the file's with the site's origin. */
export function ResumeSection({ id, fullName, resume, viewerUrl }: Props) {
  const file = `/admin/applications/${id}/resume`;
  const title = `Resume of ${fullName}`;
  return (
    <section aria-labelledby="resume-heading">
      <h2 id="resume-heading">Resume</h2>
      <p>
        <a href={`${file}?download=1`} download>
          Download {resume.fileName}
        </a>{' '}
        ({Math.ceil(resume.size / 1024)} KB)
        {resume.mediaType === RESUME_MEDIA_TYPES.pdf ? (
          <>
            {' · '}
            <a href={file} target="_blank" rel="noopener noreferrer">
              Open the PDF in a new tab
            </a>
          </>
        ) : null}
      </p>
      {resume.mediaType === RESUME_MEDIA_TYPES.pdf ? (
        <>
          <noscript>
            <p className="notice">The preview needs JavaScript: download the resume or open it in a new tab.</p>
          </noscript>
          <ResumePdfPreview resumeUrl={file} viewerUrl={viewerUrl} title={title} />
        </>
      ) : resume.mediaType === RESUME_MEDIA_TYPES.docx ? (
        // Converted to sanitised HTML on the server; an empty sandbox, so nothing in it can run. Lazy, like the
        // PDF preview: the conversion and its audit entry only when the manager comes near it.
        <iframe className="admin-resume" src={`${file}/preview`} sandbox="" title={title} loading="lazy" />
      ) : (
        <p>This kind of file has no preview: download it to read it.</p>
      )}
    </section>
  );
}
