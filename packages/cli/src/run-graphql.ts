import { type SarabanContext, schema } from '@saraban/graphql';
import { graphql } from 'graphql';
import { UserError } from './user-error.js';

/**
 * Runs one operation against the schema in this process, exactly as the HTTP API would, and returns its data;
 * errors (invalid input with its field path, a stale version) become a UserError naming `source`.
 *
 * @example
 * const data = await runGraphql(context, 'memo.json', CREATE_DOCUMENT, { input });
 */
export async function runGraphql<T>(
  context: SarabanContext,
  source: string,
  operation: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const result = await graphql({ schema, source: operation, variableValues: variables, contextValue: context });
  if (result.errors?.length) {
    throw new UserError(result.errors.map((error) => `${source}: ${error.message}`).join('\n'));
  }
  return result.data as T;
}
