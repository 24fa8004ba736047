import { GraphQLError } from 'graphql';
import { type LimitName, limits } from './limits.js';

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
 * The batch queue holds `limits.queuedDocuments` documents already: code QUEUE_FULL and HTTP 429 (as Gotenberg
 * answers), with how many are queued; the client tries again once jobs finish.
 *
 * @example
 * throw new QueueFullError(19_500, 1_000);
 */
export class QueueFullError extends GraphQLError {
  constructor(queued: number, asked: number) {
    super(
      `the print queue is full: ${queued} documents are waiting and this batch has ${asked}; the limit ` +
        `(queuedDocuments) is ${limits.queuedDocuments}. Try again when jobs have finished`,
      { extensions: { code: 'QUEUE_FULL', limit: limits.queuedDocuments, queued, http: { status: 429 } } },
    );
  }
}

/**
 * A request over one of the bounds in {@link limits} (a text's length, the blocks of a document, an upload, an
 * operation's cost): code LIMIT_EXCEEDED, and in `extensions` the bound (`limit`), its name (`limitName`), what was
 * found (`found`) and, for an input, the `field`.
 *
 * @example
 * throw new LimitError('lineChars', 10_485_760, { field: 'input.subject', what: 'characters' });
 * // "input.subject: 10485760 characters; the limit (lineChars) is 1000"
 */
export class LimitError extends GraphQLError {
  constructor(
    readonly limitName: LimitName,
    readonly found: number,
    options: { field?: string; what: string },
  ) {
    const limit = limits[limitName];
    const text = `${found} ${options.what}; the limit (${limitName}) is ${limit}`;
    const field = options.field;
    super(field ? `${field}: ${text}` : text, {
      extensions: { code: 'LIMIT_EXCEEDED', limit, limitName, found, ...(field ? { field } : {}) },
    });
  }
}
