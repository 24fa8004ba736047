import { openStore, type Store } from '@saraban/store';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createMemo,
  dialects,
  openTempStore,
  storedFileNames,
  storeTinyRender,
} from '../../packages/store/test/temp-store.js';
import { startTestServer, type TestServer } from '../support/saraban.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

const RENDER = 'mutation ($id: ID!) { renderDocument(id: $id) { id } }';
const RENDERS = 'query ($id: ID!) { document(id: $id) { renders { id } } }';

describe('one document version prints once (issue 16: 50 concurrent renders printed it 47–50 times)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  test('50 renders of one version at once store one render, and every answer is that render', async () => {
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, { input: memoInput() });
    const id = created.data.createDocument.id;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => server.graphql<{ renderDocument: { id: string } }>(RENDER, { id })),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const renders = await server.graphql<{ document: { renders: { id: string }[] } }>(RENDERS, { id });
    expect(renders.data.document.renders).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.data.renderDocument.id))).toEqual(
      new Set([renders.data.document.renders[0]?.id]),
    );
  });
});

describe.each(dialects)('two processes storing one version on %s keep one render', (dialect) => {
  test('a second store of the same document and cache key returns the first render, and its file is removed', async () => {
    const { store, options, cleanup } = await openTempStore(dialect);
    const other = await openStore(options);
    try {
      const memo = await createMemo(store);
      const write = (writer: Store) => storeTinyRender(writer, memo, { cacheKey: 'one-version' });
      const [first, second] = await Promise.all([write(store), write(other)]);
      expect(second.id).toBe(first.id);
      expect((await store.renders.listForDocument(memo.id)).map((render) => render.id)).toEqual([first.id]);
      expect(await storedFileNames(store)).toEqual([`${first.id}.pdf`]);
    } finally {
      await other.close();
      await cleanup();
    }
  });
});
