/** One file of a multipart request: the (top-level) variable it fills, e.g. "regular", and its bytes. */
export interface UploadPart {
  variable: string;
  bytes: Uint8Array;
  fileName: string;
}

/**
 * POSTs a GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec), as curl -F or a
 * browser form would: "operations" with the files' variables null, "map" from each part to its variable, then the
 * files, with the `x-graphql-yoga-csrf` header a multipart request needs (a page on another origin cannot set
 * it). Returns the HTTP status and the response body.
 *
 * @example
 * const { body } = await postMultipart(server.url, CREATE_FONT, { name: 'Laksaman' }, [
 *   { variable: 'regular', bytes: await readFile(LAKSAMAN), fileName: 'Laksaman.ttf' },
 * ]);
 */
export async function postMultipart(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  files: UploadPart[],
): Promise<{
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}> {
  const form = new FormData();
  const nulls = Object.fromEntries(files.map((file) => [file.variable, null]));
  form.set('operations', JSON.stringify({ query, variables: { ...variables, ...nulls } }));
  form.set(
    'map',
    JSON.stringify(Object.fromEntries(files.map((file, index) => [index, [`variables.${file.variable}`]]))),
  );
  files.forEach((file, index) => {
    form.set(
      String(index),
      new Blob([new Uint8Array(file.bytes)], { type: 'application/octet-stream' }),
      file.fileName,
    );
  });
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'x-graphql-yoga-csrf': '1' },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}
