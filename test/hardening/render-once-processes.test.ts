import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/postgres-database.js';
import { startTestServer, type TestServer } from '../support/saraban.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

const RENDER = 'mutation ($id: ID!) { renderDocument(id: $id) { id cached } }';

// Issue 16: two processes on one PostgreSQL database (two servers here, as a server and a worker would be) rendering
// the same version at once printed it once each; the second stored nothing (one render per key) but printed.
describe('one document version prints once across processes', () => {
  const servers: TestServer[] = [];
  beforeAll(async () => {
    const database = await createTestDatabase();
    servers.push(await startTestServer({ database }));
    servers.push(await startTestServer({ database }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  test('renders of one version in two processes at once: one prints, every answer is its render', async () => {
    const [first, second] = servers as [TestServer, TestServer];
    const created = await first.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, { input: memoInput() });
    const id = created.data.createDocument.id;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        (index % 2 ? second : first).graphql<{ renderDocument: { id: string; cached: boolean } }>(RENDER, { id }),
      ),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    // A render reports cached: false only where it was printed: counted across both processes.
    const printed = answers.filter((answer) => !answer.data.renderDocument.cached);
    expect(printed).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.data.renderDocument.id)).size).toBe(1);
  });
});
