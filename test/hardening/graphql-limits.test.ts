import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/saraban.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

/** POSTs an operation and returns the HTTP status with the body, whatever the status. */
async function post(server: TestServer, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

describe('a GraphQL request can cost only so much (issue 16: 150 aliases over 10 MB subjects ran the server out of memory)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    for (let i = 0; i < 3; i++) {
      const created = await server.graphql(CREATE_DOCUMENT, { input: memoInput() });
      expect(created.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  test('a 10 MB subject is refused with the limit it broke, and nothing is stored', async () => {
    const subject = 'a'.repeat(10 * 1024 * 1024);
    const { body } = await post(server, CREATE_DOCUMENT, { input: memoInput({ subject }) });
    expect(body.errors?.[0]?.message).toBe(
      `input.subject: ${subject.length} characters; the limit (lineChars) is 1000`,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'lineChars', limit: 1000 });
    const listed = await server.graphql<{ documents: { total: number } }>('{ documents { total } }');
    expect(listed.data.documents.total).toBe(3);
  });

  test('a paragraph of a million characters is refused with its limit', async () => {
    const input = memoInput({ body: [{ paragraph: { text: 'a'.repeat(1_000_000) } }] });
    const { body } = await post(server, CREATE_DOCUMENT, { input });
    expect(body.errors?.[0]?.message).toBe(
      'input.body[0].paragraph.text: 1000000 characters; the limit (textChars) is 100000',
    );
  });

  test('the out-of-memory query (150 aliases of documents(limit: 500)) is refused with its limit, and /healthz answers', async () => {
    const aliases = Array.from({ length: 150 }, (_, i) => `a${i}: documents(limit: 500) { items { subject } }`);
    const { status, body } = await post(server, `{ ${aliases.join(' ')} }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toBe('150 aliases in the operation; the limit (queryAliases) is 30');
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limitName: 'queryAliases',
      limit: 30,
      found: 150,
    });
    expect(status).toBeLessThan(500);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test('an operation whose list sizes multiply past the cost limit is refused before it runs', async () => {
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `a${i}: documents(limit: 500) { items { subject body { __typename } } }`,
    );
    const { body } = await post(server, `{ ${aliases.join(' ')} }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limitName: 'queryCost',
      limit: 50_000,
    });
    expect(body.errors?.[0]?.message).toMatch(/^\d+ cost points; the limit \(queryCost\) is 50000$/);
  });

  test('a page of documents with their subjects still costs little enough to be answered', async () => {
    const { body } = await post(server, '{ documents(limit: 500) { total items { id subject kind } } }');
    expect(body.errors).toBeUndefined();
    expect((body.data as { documents: { total: number } }).documents.total).toBe(3);
  });

  test('a query nested 3,000 deep is refused with a limit, not an HTTP 500', async () => {
    const query = `{ ${'documents { items { '.repeat(1500)}id${' } }'.repeat(1500)} }`;
    const { status, body } = await post(server, query);
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.message).toBe(
      '101 levels of brackets in the operation or more; the limit (queryNesting) is 100',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limitName: 'queryNesting',
      limit: 100,
    });
  });

  test('an operation of more tokens than the limit is refused while it is read', async () => {
    const fields = Array.from({ length: 6000 }, () => 'total').join(' ');
    const { body } = await post(server, `{ documents { ${fields} } }`);
    expect(body.errors?.[0]?.message).toBe('5001 tokens in the operation or more; the limit (queryTokens) is 5000');
  });

  test('a query 26 fields deep, within the token limit, is refused by the depth limit', async () => {
    const lists = '... on List { items { blocks { '.repeat(11);
    const query = `{ documents { items { body { ${lists}__typename${' } } }'.repeat(11)} } } } }`;
    const { status, body } = await post(server, query);
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.message).toBe('26 levels of fields in the operation; the limit (queryDepth) is 20');
  });
});
