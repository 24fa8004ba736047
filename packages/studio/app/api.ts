/** One problem with one input field, as a BAD_USER_INPUT error lists them. */
export interface InputProblem {
  /** The input path, e.g. "input.body[2].list.start". */
  field: string;
  message: string;
}

/** An error the API answered with: its message, and the field path of a BAD_USER_INPUT error when it has one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** The input path the error is about, e.g. "input.subject". */
    readonly field?: string,
    readonly code?: string,
    /** Every input problem found (the server checks the whole document), the first at `field`. */
    readonly problems: readonly InputProblem[] = field ? [{ field, message }] : [],
  ) {
    super(message);
  }
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: Array<{
    message: string;
    extensions?: { code?: string; field?: string; problems?: InputProblem[] };
  }>;
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
  if (error) {
    const { field, code, problems } = error.extensions ?? {};
    throw new ApiError(error.message, field, code, problems);
  }
  if (!body.data) throw new ApiError(`the server answered ${response.status} without data`);
  return body.data;
}
