import { fileURLToPath } from 'node:url';

/** The template packages that ship with Saraban: <repo>/templates. */
export const builtInTemplatesDir = fileURLToPath(new URL('../../../templates', import.meta.url));

/** The database file, relative to the working directory. */
export const defaultDatabaseFile = '.saraban/saraban.db';

/**
 * Hours given on the command line (--zip-hours) as the milliseconds the app takes; undefined keeps the app's default.
 *
 * @example
 * zipLifetimeMs(48) // 172800000
 */
export function zipLifetimeMs(hours: number | undefined): number | undefined {
  return hours === undefined ? undefined : hours * 60 * 60 * 1000;
}
