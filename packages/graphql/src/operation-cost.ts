import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type DocumentNode, Kind } from 'graphql';
import { schema } from './schema.js';

/**
 * What one operation may cost to answer, from the cost each field declares (the complexity plugin): every field
 * costs 1, a document's body 1000, and what is selected under a list counts as many times as the list may hold
 * (its `limit` argument, or 10). Computed from the query and its variables alone, before anything runs.
 *
 * @example
 * operationCost(parse('{ documents(limit: 500) { items { subject } } }')) // 1001
 */
export function operationCost(
  document: DocumentNode,
  options: { variables?: Record<string, unknown>; operationName?: string | null; context?: object } = {},
): number {
  // complexityFromQuery takes the first operation: keep only the one that runs, and the fragments.
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const selected = operations.find(
    (operation) => !options.operationName || operation.name?.value === options.operationName,
  );
  const only = {
    ...document,
    definitions: document.definitions.filter(
      (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition === selected,
    ),
  };
  return complexityFromQuery(only, { schema, variables: options.variables ?? {}, ctx: options.context ?? {} })
    .complexity;
}
