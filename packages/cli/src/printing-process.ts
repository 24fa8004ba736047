import type { OpenOptions } from '@saraban/app';

/** What `serve` and `worker`, the two long-running processes that print, are both given on the command line. */
export interface PrintingProcessOptions {
  db: string;
  templates: string;
  /** Chromium pages printing at once. */
  pool: number;
  /** The time limit of one print, in milliseconds. */
  printTimeout?: number;
  /** The time limit of filling one template in, in milliseconds. */
  fillTimeout?: number;
  /** The heap of one fill thread, in megabytes. */
  fillMemory?: number;
  /** The time limit for Chromium to start, in milliseconds. */
  launchTimeout?: number;
  /** How long a queued job may run before it counts as abandoned and is given to another worker, in seconds. */
  jobExpiry?: number;
  /** How long a batch job's zip is kept once written, in hours. */
  zipHours?: number;
}

/**
 * The app's options from a printing process's command line; what is not given keeps the app's default.
 *
 * @example
 * const saraban = await openSaraban(openOptionsFrom({ db: '.saraban/saraban.db', templates, pool: 2, zipHours: 48 }));
 */
export function openOptionsFrom(options: PrintingProcessOptions): OpenOptions {
  return {
    databaseFile: options.db,
    templatesDir: options.templates,
    poolSize: options.pool,
    printTimeoutMs: options.printTimeout,
    fillTimeoutMs: options.fillTimeout,
    fillMemoryMb: options.fillMemory,
    launchTimeoutMs: options.launchTimeout,
    jobExpirySeconds: options.jobExpiry,
    zipLifetimeMs: options.zipHours === undefined ? undefined : options.zipHours * 60 * 60 * 1000,
  };
}
