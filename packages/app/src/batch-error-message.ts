import { clientError } from '@saraban/graphql';

/**
 * What a batch job records for a document that did not print: the message the API's error map gives a client (a
 * missing document, a template failing at a line, a print over its time limit, with what to do), or, for an error
 * the map does not know, its own message.
 *
 * @example
 * batchErrorMessage(new NotFoundError('document', id)) // 'document … does not exist'
 */
export function batchErrorMessage(error: unknown): string {
  return clientError(error)?.message ?? (error instanceof Error ? error.message : String(error));
}
