/**
 * A render took longer than its time limit. The page it ran on is thrown away, so the next render starts clean.
 *
 * @example
 * ```ts
 * try {
 *   await printer.print({ html, timeoutMs: 5_000 });
 * } catch (error) {
 *   if (error instanceof PrintTimeoutError) console.error(`gave up after ${error.timeoutMs} ms`);
 * }
 * ```
 */
export class PrintTimeoutError extends Error {
  override readonly name = 'PrintTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(
      `printing took longer than the limit of ${timeoutMs} ms (raise PrinterOptions.timeoutMs or PrintJob.timeoutMs)`,
    );
  }
}

/**
 * Chromium could not be started: the executable is missing, not executable, exited at once, or did not start within
 * its time limit (`launchTimeoutMs` is then set).
 *
 * @example
 * ```ts
 * try {
 *   await launchPrinter({ executablePath: '/opt/chromium/chrome' });
 * } catch (error) {
 *   if (error instanceof ChromiumLaunchError) console.error(`cannot start ${error.executablePath}`);
 * }
 * ```
 */
export class ChromiumLaunchError extends Error {
  override readonly name = 'ChromiumLaunchError';
  constructor(
    readonly executablePath: string,
    options: { cause: unknown; launchTimeoutMs?: number },
  ) {
    const reason =
      options.launchTimeoutMs === undefined
        ? String(options.cause instanceof Error ? options.cause.message : options.cause)
        : `it did not start within ${options.launchTimeoutMs} ms and was stopped`;
    super(
      `cannot start Chromium at ${executablePath} (set PrinterOptions.executablePath or SARABAN_CHROMIUM): ${reason}`,
      {
        cause: options.cause,
      },
    );
    this.reason = reason;
    this.launchTimeoutMs = options.launchTimeoutMs;
  }

  /** Why, in one line: Chromium's own words, or the time limit it did not start within. */
  readonly reason: string;
  /** The time limit Chromium did not start within; undefined when it failed otherwise. */
  readonly launchTimeoutMs: number | undefined;
}

/**
 * Chromium died during a render, was replaced, and died again during the one retry.
 *
 * @example
 * ```ts
 * try {
 *   await printer.print({ html });
 * } catch (error) {
 *   if (error instanceof BrowserCrashError) console.error('Chromium keeps crashing on this document', error.cause);
 * }
 * ```
 */
export class BrowserCrashError extends Error {
  override readonly name = 'BrowserCrashError';
  constructor(options: { cause: unknown }) {
    super(
      'Chromium crashed while printing, twice in a row (the browser was replaced and the render retried once)',
      options,
    );
  }
}

/**
 * `print` was called on a printer after `close`.
 *
 * @example
 * ```ts
 * await printer.close();
 * await printer.print({ html }); // rejects with PrinterClosedError
 * ```
 */
export class PrinterClosedError extends Error {
  override readonly name = 'PrinterClosedError';
  constructor() {
    super('the printer is closed; launch a new one with launchPrinter()');
  }
}
