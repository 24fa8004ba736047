import { type SarabanContext, UnauthenticatedError } from '@saraban/graphql';
import { BREAK, GraphQLError, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Who may ask the schema about itself (`__schema`, `__type`): anyone (the default, as GraphiQL needs); only someone
 * signed in, with a token, or on an open server (the studio's forms and completion are built from it); or nobody.
 */
export type IntrospectionAllowed = 'anyone' | 'signed-in' | 'nobody';

/**
 * A Yoga plugin refusing introspection to whom `allowed` excludes, before the operation runs. Checked at execution,
 * with the request's viewer, because validation results are cached per document, not per viewer.
 *
 * @example
 * createYoga({ schema, plugins: [useIntrospectionRule('signed-in')] });
 */
export function useIntrospectionRule(allowed: IntrospectionAllowed): Plugin {
  return {
    onExecute({ args }) {
      if (allowed === 'anyone') return;
      if (allowed === 'signed-in' && (args.contextValue as Partial<SarabanContext>).viewer) return;
      let introspects = false;
      visit(args.document, {
        Field(node) {
          if (node.name.value !== '__schema' && node.name.value !== '__type') return;
          introspects = true;
          return BREAK;
        },
      });
      if (!introspects) return;
      if (allowed === 'signed-in')
        throw new UnauthenticatedError('introspection', ['ADMIN', 'DESIGNER', 'STAFF', 'VIEWER']);
      throw new GraphQLError('introspection is turned off on this server (serve --introspection nobody)', {
        extensions: { code: 'FORBIDDEN' },
      });
    },
  };
}
