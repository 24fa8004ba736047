import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './types/scalars.js';
import './types/query.js';
import './types/mutation.js';
import './types/batch.js';
import './types/font.js';
import './types/template-draft.js';
import './types/template-versions.js';
import './types/template-language.js';
import './types/viewer.js';
import './types/user-admin.js';

/**
 * The Saraban GraphQL schema, built once from the Pothos types.
 *
 * @example
 * const result = await graphql({ schema, source: '{ templates { name } }', contextValue: context });
 */
export const schema = builder.toSchema({ sortSchema: false });

/**
 * The schema as SDL, sorted, as checked in at schema/schema.graphql.
 *
 * @example
 * writeFileSync('schema/schema.graphql', schemaSdl());
 */
export function schemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
