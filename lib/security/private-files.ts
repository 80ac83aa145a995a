import fs from 'node:fs';

// Everything stored (applications, resumes, the signing key, mail) is readable by the site's own user only.

/**
 * Creates the folder (and any missing parents) with mode 0700. An existing folder is left as it is: it may
 * be shared (`/tmp`), and the files in it are private on their own.
 */
export function privateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates the file empty with mode 0600 if it is missing, and narrows it to 0600 if it exists. */
export function privateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
}
