import { GraphQLError } from 'graphql';

/**
 * Input that is well-typed but still wrong (two fields in a BlockInput, an unknown organization, a limit hit).
 * `field` is the path inside the arguments, e.g. "input.body[3].list.items[0]", so a form can point at it.
 */
export class InputError extends GraphQLError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
}

/** A write based on a version that is no longer current, or a record that is gone. */
export class ConflictError extends GraphQLError {
  constructor(message: string, code: 'VERSION_CONFLICT' | 'NOT_FOUND') {
    super(message, { extensions: { code } });
  }
}
