import { closeSync, openSync } from 'node:fs';

/** What the files Saraban stores (the database, PDFs, zips) allow: read and write for Saraban's user, nothing else. */
export const PRIVATE_FILE_MODE = 0o600;

/** The directories holding them: only Saraban's user may list or enter them. */
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Creates `path` empty with {@link PRIVATE_FILE_MODE} when it does not exist, so a file another library then opens
 * (SQLite's database, whose -wal and -shm files SQLite creates with the database file's mode) is never readable by
 * other users; an existing file is left as it is.
 *
 * @example
 * createPrivateFile('data/saraban.db');
 */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}
