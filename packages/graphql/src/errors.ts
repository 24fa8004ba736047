import { GraphQLError } from 'graphql';

/**
 * Input that is well-typed but still wrong (two fields in a BlockInput, an unknown organization, a bad font file).
 * `field` is the path inside the arguments, e.g. "input.body[3].list.items[0]", so a form can point at it.
 */
export class InputError extends GraphQLError {
  constructor(
    readonly field: string,
    message: string,
    code = 'BAD_USER_INPUT',
    extensions: Record<string, unknown> = {},
  ) {
    super(`${field}: ${message}`, { extensions: { code, field, ...extensions } });
  }
}

/**
 * Input over one of the bounds a document or an upload may reach ({@link limits}); the message and `extensions.limit`
 * give the bound.
 */
export class LimitError extends InputError {
  constructor(field: string, message: string, limit: number) {
    super(field, message, 'LIMIT_EXCEEDED', { limit });
  }
}
