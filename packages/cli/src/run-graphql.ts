import { type SarabanContext, schema } from '@saraban/graphql';
import { type GraphQLError, graphql } from 'graphql';
import { asUserError, UserError } from './user-error.js';

/** One operation's outcome: its data, or the errors that stopped it. */
export type GraphqlOutcome<T> = { data: T; errors?: undefined } | { data?: undefined; errors: readonly GraphQLError[] };

/**
 * Runs one operation against the schema in this process, exactly as the HTTP API would.
 *
 * @example
 * const outcome = await executeGraphql(context, CREATE_DOCUMENT, { input });
 * if (outcome.errors) console.error(outcome.errors[0].message);
 */
export async function executeGraphql<T>(
  context: SarabanContext,
  operation: string,
  variables: Record<string, unknown>,
): Promise<GraphqlOutcome<T>> {
  const result = await graphql({ schema, source: operation, variableValues: variables, contextValue: context });
  if (result.errors?.length) return { errors: result.errors };
  return { data: result.data as T };
}

/**
 * Like executeGraphql, but errors (invalid input with its field path, a stale version) become a UserError naming
 * `source`; a bug is thrown as it is.
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
  const outcome = await executeGraphql<T>(context, operation, variables);
  if (outcome.errors) {
    const messages: string[] = [];
    for (const error of outcome.errors) {
      const reported = asUserError(error, source);
      if (!(reported instanceof UserError)) throw reported;
      messages.push(reported.message);
    }
    throw new UserError(messages.join('\n'));
  }
  return outcome.data;
}

/**
 * The input field an error is about, as a path like "input.signer.givenName": from our own input errors, or read
 * from graphql-js's coercion messages ('… at "input.date"; …', 'Field "subject" of required type …').
 *
 * @example
 * errorField(outcome.errors[0]) // "input.date"
 */
export function errorField(error: GraphQLError): string | undefined {
  const field = error.extensions?.field;
  if (typeof field === 'string') return field;
  const at = /got invalid value .*? at "([^"]+)"/.exec(error.message)?.[1];
  const missing = /Field "([^"]+)" of required type/.exec(error.message)?.[1];
  if (missing) return `${at ?? 'input'}.${missing}`;
  return at;
}
