import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { fieldPermission } from './access-policy.js';
import type { SarabanContext } from './context.js';
import { requirePermission } from './viewer.js';

/**
 * Checks every query and mutation against the one access policy (access-policy.ts) before its resolver runs, in this
 * one place rather than in each resolver. A root field the policy does not name fails the schema's build.
 * (Pothos' scope-auth plugin would put the scopes on each field, in each type file; the policy is one table here.)
 */
class AccessPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const type = fieldConfig.parentType;
    if (type !== 'Query' && type !== 'Mutation') return resolver;
    const operation = `${type}.${fieldConfig.name}`;
    const permission = fieldPermission(type, fieldConfig.name);
    if (!permission) throw new Error(`${operation} has no entry in the access policy (access-policy.ts)`);
    return (parent, args, context, info) => {
      requirePermission((context as SarabanContext).viewer, permission, operation);
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      access: AccessPlugin<Types>;
    }
  }
}

/** The plugin's name, for the builder's `plugins`. */
export const ACCESS_PLUGIN = 'access';
SchemaBuilder.registerPlugin(ACCESS_PLUGIN, AccessPlugin);
