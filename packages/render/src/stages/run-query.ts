import type { LoadedTemplate } from '@saraban/engine';
import type { Document } from '@saraban/store';
import type { DocumentNode } from 'graphql';
import { TemplateQueryError } from '../errors.js';

/** What running a query gave: graphql-js's ExecutionResult, as much of it as a render reads. */
export interface QueryOutcome {
  data?: unknown;
  errors?: readonly { message: string }[];
}

/**
 * Runs a template's query for one document through the GraphQL schema, the one data contract: the template reads
 * exactly what an integrator could query. `document` is the version the render read, so the data printed is the
 * version the render is recorded as, read once. The schema's package makes one (`templateQueryRunner`).
 *
 * @example
 * const runQuery: QueryRunner = (query, document) =>
 *   execute({ schema, document: query, variableValues: { id: document.id }, contextValue });
 */
export type QueryRunner = (query: DocumentNode, document: Document) => Promise<QueryOutcome>;

/**
 * Stage `query`: the template's query run for the document, its result data.
 *
 * @throws {TemplateQueryError} with the query's errors.
 * @example
 * const data = await runTemplateQuery(runQuery, template, document);
 */
export async function runTemplateQuery(
  runQuery: QueryRunner,
  template: LoadedTemplate,
  document: Document,
): Promise<unknown> {
  const result = await runQuery(template.query, document);
  if (result.errors?.length) {
    throw new TemplateQueryError(
      template.name,
      template.query.loc?.source.name ?? 'query.graphql',
      result.errors.map((error) => error.message),
    );
  }
  return result.data;
}
