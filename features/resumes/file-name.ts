/** A resume's download name, of safe characters only, whatever the candidate's file was called. */
export function resumeFileName(reference: string, original: string): string {
  const extension = original.match(/\.(pdf|docx)$/i)?.[1]?.toLowerCase() ?? 'bin';
  return `resume-${reference.replace(/[^A-Z0-9-]/gi, '')}.${extension}`;
}
