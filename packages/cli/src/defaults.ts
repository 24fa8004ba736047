import { fileURLToPath } from 'node:url';

/** The template packages that ship with Saraban: <repo>/templates. */
export const builtInTemplatesDir = fileURLToPath(new URL('../../../templates', import.meta.url));

/** The database file, relative to the working directory. */
export const defaultDatabaseFile = '.saraban/saraban.db';
