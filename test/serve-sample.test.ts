import { type ChildProcess, execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postMultipart } from './support/multipart.js';
import { compact, readPdf } from './support/pdf.js';
import { createTestDatabase } from './support/postgres-database.js';
import { sarabanBin, templatesDir } from './support/saraban.js';
import { startSaraban, stopSaraban } from './support/saraban-process.js';

const run = promisify(execFile);
const LAKSAMAN = '/usr/share/fonts/truetype/tlwg/Laksaman.ttf';

/** Starts `saraban serve` and resolves with its GraphQL URL once it says it is listening. */
async function serve(db: string): Promise<{ child: ChildProcess; graphqlUrl: string }> {
  const started = await startSaraban(
    ['serve', '--sample', '--port', '0', '--pool', '1', '--db', db],
    /GraphQL API and GraphiQL: (\S+)/,
  );
  return { child: started.child, graphqlUrl: started.match[1] as string };
}

const stop = stopSaraban;

async function query<T>(url: string, source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe.each(['sqlite', 'postgres'])('saraban serve --sample, as npm start runs it, on %s', (dialect) => {
  let dir: string;
  let db: string;
  let examples: string[];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-serve-'));
    db = dialect === 'sqlite' ? join(dir, 'data', 'saraban.db') : await createTestDatabase();
    examples = [];
    for (const entry of await readdir(templatesDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('_')) continue;
      const files = await readdir(join(templatesDir, entry.name, 'examples')).catch(() => []);
      examples.push(...files.filter((file) => file.endsWith('.json')).map((file) => join(entry.name, file)));
    }
  });
  afterAll(async () => {
    await Promise.all(children.map(stop));
    await rm(dir, { recursive: true, force: true });
  });

  // Two starts of the server (each with its Chromium), every example stored, a render, an upload and the CLI's print:
  // 12-18 s on a quiet machine, 37 s at load 15 on 2 cores, over the default 60 s on a busier one.
  test('fills a new database with every example once, keeps it across restarts, and serves health and PDFs', {
    timeout: 240_000,
  }, async () => {
    const first = await serve(db);
    children.push(first.child);
    const { origin } = new URL(first.graphqlUrl);
    expect(new URL(first.graphqlUrl).hostname).toBe('127.0.0.1');
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);

    const listed = await query<{ documents: { total: number; items: { id: string; subject: string }[] } }>(
      first.graphqlUrl,
      '{ documents(limit: 100) { total items { id subject } } }',
    );
    expect(listed.documents.total).toBe(examples.length);

    const seed = JSON.parse(await readFile(join(templatesDir, 'memo/examples/seed-memo.json'), 'utf8'));
    const stored = listed.documents.items.find((item) => item.subject === seed.subject);
    expect(stored).toBeDefined();
    const { renderDocument } = await query<{ renderDocument: { url: string } }>(
      first.graphqlUrl,
      'mutation ($id: ID!) { renderDocument(id: $id) { url } }',
      { id: stored?.id },
    );
    const download = await fetch(`${origin}${renderDocument.url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent(seed.subject));
    expect((await fetch(`${origin}/renders/00000000-0000-0000-0000-000000000000.pdf`)).status).toBe(404);
    expect(await stop(first.child)).toBe(0);

    // A second start keeps the data and adds no second copy of the samples.
    const second = await serve(db);
    children.push(second.child);
    const again = await query<{ documents: { total: number } }>(second.graphqlUrl, '{ documents { total } }');
    expect(again.documents.total).toBe(examples.length);
    // fontkit, which checks an uploaded face, is not in the command's start: it loads from the bundle when needed.
    const upload = await postMultipart(
      new URL(second.graphqlUrl).origin,
      'mutation ($name: String!, $regular: File!) { createFont(name: $name, regular: $regular) { name } }',
      { name: 'Laksaman' },
      [{ variable: 'regular', bytes: await readFile(LAKSAMAN), fileName: 'Laksaman.ttf' }],
    );
    expect(upload.body).toEqual({ data: { createFont: { name: 'Laksaman' } } });
    expect(await stop(second.child)).toBe(0);

    // The CLI prints a stored document from the same database; a PostgreSQL one named by DATABASE_URL.
    const out = join(dir, 'stored.pdf');
    const render = ['render', '--document', String(stored?.id), '--out', out];
    if (dialect === 'sqlite') await run('node', [sarabanBin, ...render, '--db', db]);
    else await run('node', [sarabanBin, ...render], { env: { ...process.env, DATABASE_URL: db } });
    const { pages } = await readPdf(new Uint8Array(await readFile(out)));
    expect(compact(pages.join(''))).toContain(compact('เรื่องเดิม'));
  });
});
