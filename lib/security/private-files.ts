import fs from 'node:fs';

// Everything stored (applications, resumes, the signing key, mail) is readable by the site's own user only.

/**
 * Creates the folder (and any missing parents) with mode 0700. An existing folder is left as it is: it may
 * be shared (`/tmp`), and the files in it are private on their own.
 */
export function privateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Creates the file empty with mode 0600 if it is missing, and narrows it to 0600 if it exists. An existing
 * file is never opened here: closing any descriptor of a SQLite file releases every lock the process holds
 * on it, which corrupts a database another connection is using.
 */
export function privateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fs.chmodSync(file, 0o600);
  }
}
