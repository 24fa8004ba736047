import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { LimitError, limits, operationCost } from '@saraban/graphql';
import { type GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { Plugin } from 'graphql-yoga';

type ArmorLimit = 'queryTokens' | 'queryDepth' | 'queryAliases' | 'queryDirectives';

/**
 * GraphQL Armor's checks, each refusing with our LimitError (code LIMIT_EXCEEDED, the limit's name, its value and
 * what was found) instead of its own message: tokens while parsing, then depth, aliases and directives while
 * validating.
 */
function armor(): Plugin {
  // Armor reports "… limit of 30 exceeded, found 150."; the token count stops at the limit, so it has no "found".
  const refuse = (limit: ArmorLimit, what: string) => ({
    n: limits[limit],
    onReject: [
      (_context: unknown, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        throw new LimitError(limit, found ? Number(found) : limits[limit] + 1, {
          what: found ? what : `${what} or more`,
        });
      },
    ],
  });
  return EnvelopArmorPlugin({
    maxTokens: refuse('queryTokens', 'tokens in the operation'),
    // Inline fragments (`... on List`) are not a level: the depth counts fields, as the response nests.
    maxDepth: { ...refuse('queryDepth', 'levels of fields in the operation'), flattenFragments: true },
    maxAliases: refuse('queryAliases', 'aliases in the operation'),
    maxDirectives: refuse('queryDirectives', 'directives in the operation'),
    // Our own cost below counts list sizes; Armor's does not.
    costLimit: { enabled: false },
    // Field suggestions ("Did you mean …") help people writing queries; the schema is public anyway.
    blockFieldSuggestion: { enabled: false },
  }) as Plugin;
}

/**
 * Refuses an operation whose brackets nest deeper than `limits.queryNesting`, reading it token by token (the
 * lexer does not recurse) before the parser, which recurses once per level and overflows a few thousand deep.
 */
function operationNesting(): Plugin {
  return {
    onParse({ params }) {
      const lexer = new Lexer(typeof params.source === 'string' ? new Source(params.source) : params.source);
      let depth = 0;
      for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
        if (
          token.kind === TokenKind.BRACE_L ||
          token.kind === TokenKind.BRACKET_L ||
          token.kind === TokenKind.PAREN_L
        ) {
          depth += 1;
          if (depth > limits.queryNesting) {
            throw new LimitError('queryNesting', depth, { what: 'levels of brackets in the operation or more' });
          }
        } else if (
          token.kind === TokenKind.BRACE_R ||
          token.kind === TokenKind.BRACKET_R ||
          token.kind === TokenKind.PAREN_R
        ) {
          depth -= 1;
        }
      }
    },
  };
}

/** How deep arrays and objects nest in a JSON value, counted without recursion; stops past `limit`. */
function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return deepest;
}

/**
 * Refuses variables nested deeper than `limits.queryNesting` (a list in a list item in a list… three hundred deep)
 * before GraphQL coerces them, which recurses once per level; then adds up the cost of the operation about to
 * run, with its variables (a `documents(limit: 500)` costs 500 times what it selects per document), and refuses
 * it past `limits.queryCost`. Both before any resolver runs.
 */
function variablesAndCost(): Plugin {
  return {
    onExecute({ args }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const depth = jsonDepth(variables, limits.queryNesting);
      if (depth > limits.queryNesting) {
        throw new LimitError('queryNesting', depth, { what: 'levels of arrays and objects in the variables or more' });
      }
      const cost = operationCost(args.document, {
        variables,
        operationName: args.operationName,
        context: args.contextValue as object,
      });
      if (cost > limits.queryCost) throw new LimitError('queryCost', cost, { what: 'cost points' });
    },
  };
}

/**
 * The bounds on one GraphQL operation, from `limits`: nesting, tokens, depth, aliases, directives and cost. Each
 * refusal is a LimitError naming the limit and the value found, before the operation does any work.
 *
 * @example
 * createYoga({ schema, plugins: [...useQueryLimits()] });
 */
export function useQueryLimits(): Plugin[] {
  return [operationNesting(), armor(), variablesAndCost()];
}
