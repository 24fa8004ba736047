import { ListBoundsError } from './errors.js';

/**
 * Which slice of a list to return.
 *
 * @example
 * ```ts
 * const second = await store.documents.list({ limit: 20, offset: 20 });
 * ```
 */
export interface ListOptions {
  /** At most this many items; 1 to {@link MAX_LIST_LIMIT}, {@link DEFAULT_LIST_LIMIT} when left out. */
  limit?: number;
  /** Skip this many items first; 0 when left out. */
  offset?: number;
}

/** One slice of a list, and how many items the whole list holds. */
export interface Page<T> {
  items: T[];
  /** The number of items in the whole list, ignoring limit and offset. */
  total: number;
}

/** The page size when {@link ListOptions.limit} is left out. */
export const DEFAULT_LIST_LIMIT = 50;

/** The largest page size a list returns. */
export const MAX_LIST_LIMIT = 500;

/** Fills in and checks limit and offset, so a bad value is an error that says so, not an odd query. */
export function resolvePaging(options: ListOptions): { limit: number; offset: number } {
  const { limit = DEFAULT_LIST_LIMIT, offset = 0 } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new ListBoundsError('limit', `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}; got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ListBoundsError('offset', `offset must be a whole number, 0 or more; got ${offset}`);
  }
  return { limit, offset };
}
