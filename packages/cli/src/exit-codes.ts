/**
 * What `saraban` exits with, as README's "Exit codes" lists them: a script tells a mistake to fix from a bug to
 * report without reading the message.
 *
 * @example
 * process.exitCode = EXIT_CODES.usage;
 */
export const EXIT_CODES = {
  /** Done. */
  done: 0,
  /**
   * A problem the one-line message names, for the user to fix: a data file, a document, a template, a port in use,
   * Chromium not starting, a file that cannot be written; for `batch`, rows that failed (see errors.jsonl).
   */
  failed: 1,
  /** The command line itself: an unknown command or option, an option missing or without its value. */
  usage: 2,
  /** A bug in Saraban: printed with its stack trace, to be reported. */
  bug: 70,
} as const;
