/** An error the API answered with: its message, and the field path of a BAD_USER_INPUT error when it has one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** The input path the error is about, e.g. "input.subject". */
    readonly field?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/**
 * Runs one GraphQL operation against the server the studio came from: the studio uses the public API only.
 *
 * @example
 * const { templates } = await graphql<{ templates: Array<{ name: string }> }>('{ templates { name } }');
 */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as GraphqlResponse<T>;
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.field, error.extensions?.code);
  if (!body.data) throw new ApiError(`the server answered ${response.status} without data`);
  return body.data;
}
