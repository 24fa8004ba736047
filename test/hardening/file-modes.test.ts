import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { noisePng } from '../support/noise-png.js';
import { startTestServer, type TestServer } from '../support/saraban.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

/** A path's permission bits, as `ls -l` shows them in octal. */
async function mode(path: string): Promise<string> {
  return ((await stat(path)).mode & 0o777).toString(8);
}

describe('files Saraban creates are for its user only (issue 16: they were created world-readable)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  test('the database, its journal, the files folder, a PDF and a zip', async () => {
    // A noise image makes the PDF, and the batch's zip of it, over 1 MiB: files beside the database, whose modes are
    // checked here (a smaller PDF or zip is in the database file itself).
    const image = { image: { mediaType: 'image/png', base64: noisePng(700, 700) } };
    const input = memoInput({ body: [...memoInput().body, image] });
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, { input });
    const id = created.data.createDocument.id;
    const started = await server.graphql<{ renderBatch: { id: string } }>(
      'mutation ($ids: [ID!]!) { renderBatch(documentIds: $ids) { id } }',
      { ids: [id] },
    );
    const jobId = started.data.renderBatch.id;
    for (let poll = 0; poll < 600; poll++) {
      const answer = await server.graphql<{ batchJob: { status: string } }>(
        'query ($id: ID!) { batchJob(id: $id) { status } }',
        { id: jobId },
      );
      if (answer.data.batchJob.status === 'DONE') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const files = join(server.dir, 'saraban.db.files');
    const stored = (await readdir(files)).sort();
    expect(stored).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[0-9a-f-]{36}\.pdf$/), `batch-${jobId}.zip`]),
    );
    expect(stored).toHaveLength(2);
    const modes = Object.fromEntries(
      await Promise.all(
        ['saraban.db', 'saraban.db-wal', 'saraban.db.files', ...stored.map((name) => `saraban.db.files/${name}`)].map(
          async (name) => [name.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '<id>'), await mode(join(server.dir, name))],
        ),
      ),
    );
    expect(modes).toEqual({
      'saraban.db': '600',
      'saraban.db-wal': '600',
      'saraban.db.files': '700',
      'saraban.db.files/<id>.pdf': '600',
      'saraban.db.files/batch-<id>.zip': '600',
    });
  });
});
