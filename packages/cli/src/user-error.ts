/**
 * A mistake the user can fix (a bad data file, a broken template): the CLI prints its message, without a stack
 * trace, and exits with status 1.
 */
export class UserError extends Error {
  override name = 'UserError';
}
