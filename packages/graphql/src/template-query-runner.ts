import type { QueryRunner } from '@saraban/render';
import { execute } from 'graphql';
import type { SarabanContext } from './context.js';
import { schema } from './schema.js';

/**
 * The Renderer's query runner: a template's query executed against the Saraban schema, as an integrator's query
 * would be, with the document the render read standing in for `document(id:)`. `context` is read at each run, so
 * the runner can be made before the context that holds the renderer.
 *
 * @example
 * const renderer = new Renderer({ ...parts, runQuery: templateQueryRunner(() => context) });
 */
export function templateQueryRunner(context: () => SarabanContext): QueryRunner {
  return (query, document) =>
    Promise.resolve(
      execute({
        schema,
        document: query,
        variableValues: { id: document.id },
        contextValue: { ...context(), loadedDocuments: new Map([[document.id, document]]) },
      }),
    );
}
