import { NotFoundError, VersionConflictError } from '@saraban/store';
import { GraphQLError } from 'graphql';
import { ConflictError } from './errors.js';

/**
 * Runs a store call and turns its typed errors into GraphQL errors that reach the client with their message
 * (a stale version, a record that is gone, a list bound); anything else stays an internal error.
 *
 * @example
 * return storeCall(() => context.store.documents.delete(id, version));
 */
export async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof VersionConflictError) throw new ConflictError(error.message, 'VERSION_CONFLICT');
    if (error instanceof NotFoundError) throw new ConflictError(error.message, 'NOT_FOUND');
    // The store checks list bounds (limit 1..500, offset >= 0) and says which was wrong.
    if (error instanceof RangeError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    throw error;
  }
}
