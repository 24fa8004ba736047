import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The template packages that ship with Saraban: <repo>/templates. */
export const builtInTemplatesDir = fileURLToPath(new URL('../../../templates', import.meta.url));

/** The database file, relative to the working directory. */
export const defaultDatabaseFile = '.saraban/saraban.db';

/** Saraban's version: the cli package's, read from its package.json (beside dist/ and bundle/ alike). */
export const sarabanVersion: string = JSON.parse(
  readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
).version;
