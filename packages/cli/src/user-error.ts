import { clientError } from '@saraban/graphql';

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
