import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import { ACCESS_PLUGIN } from './access-plugin.js';
import type { SarabanContext } from './context.js';

/** The schema types the builder is made with: context and scalars. */
export interface SarabanSchemaTypes {
  Context: SarabanContext;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    /** An uploaded file: a standard Blob, as graphql-yoga gives multipart uploads; never sent back. */
    File: { Input: Blob; Output: never };
  };
  DefaultFieldNullability: false;
}

/** The builder's types, for helpers that build fields shared by several object types. */
export type SarabanTypes = PothosSchemaTypes.ExtendDefaultTypes<SarabanSchemaTypes>;

/**
 * The one Pothos builder every type file adds to. Scalars are ISO strings on both sides, so resolvers never
 * juggle Date objects and a calendar date never shifts with the machine's time zone. Fields carry their cost
 * (the complexity plugin): the server adds up an operation's cost before running it and refuses one past
 * `limits.queryCost`; the schema itself sets no limit, so the CLI's own operations run as they are. Every query
 * and mutation is checked against the one access policy (access-plugin.ts) with the context's `viewer`.
 */
export const builder = new SchemaBuilder<SarabanSchemaTypes>({
  plugins: [ACCESS_PLUGIN, ComplexityPlugin],
  defaultFieldNullability: false,
});
