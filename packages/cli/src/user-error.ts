import { clientError } from '@saraban/graphql';
import { ChromiumLaunchError } from '@saraban/print';
import { ListenError, OpenServerError } from '@saraban/server';
import { EXIT_CODES } from './exit-codes.js';

/**
 * A mistake the user can fix (a bad data file, a broken template): the CLI prints its message, without a stack
 * trace, and exits with status 1.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * An error from Saraban's parts as the CLI reports it: one the API would show a client (a missing document, a
 * template that fails at a line, a print over its time limit) becomes a UserError naming `source`; a bug is
 * returned as it is, to be shown with its stack.
 *
 * @example
 * try { await saraban.renderer.render(id); } catch (error) { throw asUserError(error, `document ${id}`); }
 */
export function asUserError(error: unknown, source: string): unknown {
  const known = clientError(error);
  return known ? new UserError(`${source}: ${known.message}`) : error;
}

/** How a command that failed ends: the line to print (a bug's whole stack) and the exit code. */
export interface Failure {
  message: string;
  exitCode: number;
}

/**
 * What the CLI prints and exits with for an error that ended a command: a mistake the user can fix is one line
 * (through the API's error map where the API knows it; the operator's own words for a port, Chromium, a file), a
 * bug its stack trace.
 *
 * @example
 * const { message, exitCode } = failureOf(new UserError('memo.json: not valid JSON'));
 * // 'memo.json: not valid JSON', 1
 */
export function failureOf(error: unknown): Failure {
  const failed = (message: string) => ({ message, exitCode: EXIT_CODES.failed });
  if (error instanceof UserError || error instanceof ListenError || error instanceof OpenServerError) {
    return failed(error.message);
  }
  if (error instanceof ChromiumLaunchError) {
    const what =
      error.launchTimeoutMs === undefined ? 'set SARABAN_CHROMIUM' : 'raise --launch-timeout, or set SARABAN_CHROMIUM';
    return failed(`cannot start Chromium at ${error.executablePath}: ${error.reason} (${what} to another Chromium)`);
  }
  const known = clientError(error);
  if (known) return failed(known.message);
  const system = systemErrorMessage(error);
  if (system) return failed(system);
  return {
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    exitCode: EXIT_CODES.bug,
  };
}

/**
 * An operating system's refusal (a file not found, a disk full, a permission) as one line naming the file, or
 * undefined for anything else.
 *
 * @example
 * systemErrorMessage(enospcError, '/dev/full') // "/dev/full: no space left on device (ENOSPC)"
 */
export function systemErrorMessage(error: unknown, file?: string): string | undefined {
  const system = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof system.code !== 'string' || typeof system.syscall !== 'string') {
    return undefined;
  }
  // Node's message is "ENOSPC: no space left on device, write" or "ENOENT: …, open '/x/y.pdf'": keep the middle.
  const description = system.message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+( '.*')?$/, '');
  const path = file ?? system.path;
  return `${path ? `${path}: ` : ''}${description} (${system.code})`;
}
