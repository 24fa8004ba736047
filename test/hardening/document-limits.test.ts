import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from '../support/document-text.js';
import { startTestServer, type TestServer } from '../support/saraban.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

/** A list whose only item holds the next list, `depth` lists deep. */
function nestedLists(depth: number): DocumentJson {
  let block: DocumentJson = { paragraph: { text: 'ล่างสุด' } };
  for (let level = 0; level < depth; level++) block = { list: { items: [{ text: `ระดับ ${level}`, blocks: [block] }] } };
  return block;
}

describe('what one document may hold (issue 16)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function create(input: DocumentJson) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CREATE_DOCUMENT, variables: { input } }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return { status: response.status, error: body.errors?.[0] };
  }

  test('blocks nested 300 deep are refused with a limit, not an HTTP 500', async () => {
    const { status, error } = await create(memoInput({ body: [nestedLists(300)] }));
    expect(status).toBeLessThan(500);
    expect(error?.message).toBe(
      '101 levels of arrays and objects in the variables or more; the limit (queryNesting) is 100',
    );
  });

  test('blocks nested 11 deep are refused with the block nesting limit and where it was hit', async () => {
    const { error } = await create(memoInput({ body: [nestedLists(11)] }));
    const field = `input.body${'[0].list.items[0].blocks'.repeat(10)}`;
    expect(error?.message).toBe(`${field}: 11 levels of nested blocks; the limit (blockDepth) is 10`);
    expect(error?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'blockDepth', limit: 10, field });
  });

  test('blocks nested as deep as the limit are stored', async () => {
    const { error } = await create(memoInput({ body: [nestedLists(9)] }));
    expect(error).toBeUndefined();
  });

  test('list items count toward the block limit: one list of 20,000 items is refused', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ text: `ข้อ ${i}` }));
    const { error } = await create(memoInput({ body: [{ list: { items } }] }));
    expect(error?.message).toBe(
      'input.body[0].list.items[19999]: 20001 blocks, list items and table cells or more; the limit (blocks) is 20000',
    );
  });

  test('table cells count toward the block limit', async () => {
    const rows = Array.from({ length: 5_000 }, () => ({
      cells: [{ text: 'ก' }, { text: 'ข' }, { text: 'ค' }, { text: 'ง' }],
    }));
    const columns = ['ก', 'ข', 'ค', 'ง'].map((label) => ({ label }));
    const { error } = await create(memoInput({ body: [{ table: { columns, rows } }] }));
    expect(error?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limitName: 'blocks', limit: 20_000 });
  });

  test.each([0, -5])('a list starting at %i is refused: it could never print', async (start) => {
    const { error } = await create(memoInput({ body: [{ list: { start, items: [{ text: 'ข้อแรก' }] } }] }));
    expect(error?.message).toBe(`input.body[0].list.start: must be 1 or more; got ${start}`);
  });
});
