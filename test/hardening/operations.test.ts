import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@saraban/store';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, templatesDir } from '../support/saraban.js';
import { runSaraban, startSaraban } from '../support/saraban-process.js';
import { memoInput } from './memo-input.js';

/** What an operator reads: one line, no stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr.trim()).not.toContain('\n');
  expect(stderr).not.toMatch(/\s+at .*:\d+:\d+/);
}

/** Runs `saraban` to its end; one still running after 60 s (a server that did not give up) fails the test. */
function exitOf(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return runSaraban(args, { env, timeout: 60_000 });
}

/** A port something else listens on. */
async function busyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saraban-operations-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('serve on a port it cannot have (issue 16: a stack trace, and it kept running)', () => {
  test('a port in use: one line saying so, exit 1', async () => {
    const { port, server } = await busyPort();
    try {
      const result = await exitOf(['serve', '--port', String(port), '--pool', '1', '--db', join(dir, 'busy.db')]);
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is already in use`);
      expectOneLine(result.stderr);
      expect(result.code).toBe(1);
    } finally {
      server.close();
    }
  });

  test('a port that is no port, from --port or PORT: one line saying so, exit 1', async () => {
    const flag = await exitOf(['serve', '--port', '70000', '--db', join(dir, 'invalid.db')]);
    expect(flag.stderr).toContain('invalid port "70000"');
    expectOneLine(flag.stderr);
    expect(flag.code).toBe(1);
    const variable = await exitOf(['serve', '--db', join(dir, 'invalid.db')], { ...process.env, PORT: 'http' });
    expect(variable.stderr).toContain('invalid port "http"');
    expectOneLine(variable.stderr);
    expect(variable.code).toBe(1);
  });
});

describe('serve honours PORT and, stopped with SIGTERM, answers the requests in flight first', () => {
  let serve: ChildProcess | undefined;
  afterAll(() => {
    serve?.kill('SIGKILL');
  });

  test('PORT is the port it listens on; a render in progress at SIGTERM completes and is answered, then it exits', async () => {
    const { port, server } = await busyPort();
    await new Promise((resolve) => server.close(resolve));
    const db = join(dir, 'drain.db');
    const started = await startSaraban(['serve', '--pool', '1', '--db', db], /GraphQL API and GraphiQL: (\S+)/, {
      ...process.env,
      PORT: String(port),
    });
    serve = started.child;
    const graphqlUrl = started.match[1] as string;
    expect(graphqlUrl).toBe(`http://127.0.0.1:${port}/graphql`);

    const post = (query: string, variables: Record<string, unknown>) =>
      fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    const created = await (
      await post('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', { input: memoInput() })
    ).json();
    const id = created.data.createDocument.id as string;

    const exited = new Promise<number | null>((resolve) => serve?.once('exit', resolve));
    const answer = post('mutation ($id: ID!) { renderDocument(id: $id) { id pages } }', { id });
    // The print writes into a file whose name starts with a dot beside the database: it is under way once one shows.
    const files = `${db}.files`;
    while (!(await readdir(files).catch(() => [])).some((name) => name.startsWith('.'))) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    serve.kill('SIGTERM');

    const response = await answer;
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.renderDocument.pages).toBeGreaterThanOrEqual(1);
    expect(await exited).toBe(0);
    const store = await openStore({ filename: db });
    try {
      expect((await store.renders.getPdfFile(body.data.renderDocument.id))?.bytes).toBeGreaterThan(1000);
    } finally {
      await store.close();
    }
  });
});

describe("Chromium's launch has a time limit (issue 16: a hanging Chromium was waited for silently)", () => {
  test('a Chromium that hangs at start is stopped after --launch-timeout, with one line saying so, exit 1', async () => {
    const hanging = join(dir, 'hanging-chromium');
    await writeFile(hanging, '#!/bin/sh\nexec sleep 600\n');
    await chmod(hanging, 0o755);
    const result = await exitOf(['serve', '--port', '0', '--launch-timeout', '2000', '--db', join(dir, 'hang.db')], {
      ...process.env,
      SARABAN_CHROMIUM: hanging,
    });
    expect(result.stderr).toContain(`cannot start Chromium at ${hanging}: it did not start within 2000 ms`);
    expect(result.stderr).toContain('--launch-timeout');
    expectOneLine(result.stderr);
    expect(result.code).toBe(1);
  });
});

describe('every CLI user error is one line with a documented exit code', () => {
  const seedMemo = join(templatesDir, 'memo/examples/seed-memo.json');

  test('a PDF that cannot be written fails: --out /dev/full, and a folder that does not exist', async () => {
    const full = await runSaraban(['render', '--data', seedMemo, '--out', '/dev/full']);
    expect(full.stderr.trim()).toBe('cannot write /dev/full: no space left on device (ENOSPC)');
    expect(full.code).toBe(1);
    const missing = join(dir, 'no-such-folder', 'memo.pdf');
    const nowhere = await runSaraban(['render', '--data', seedMemo, '--out', missing]);
    expect(nowhere.stderr.trim()).toBe(`cannot write ${missing}: no such file or directory (ENOENT)`);
    expect(nowhere.code).toBe(1);
  });

  test('a mistake on the command line is one line, exit 2', async () => {
    for (const args of [['render', '--dat', seedMemo, '--out', 'x.pdf'], ['rendr'], ['serve', '--pool', 'two']]) {
      const result = await runSaraban(args);
      expectOneLine(result.stderr);
      expect(result.stderr).toMatch(/^error: .*\(--help lists the options\)\n$/);
      expect(result.code).toBe(2);
    }
  });

  test('--version prints the version', async () => {
    const { version } = JSON.parse(await readFile(join(repoRoot, 'packages/cli/package.json'), 'utf8'));
    const result = await runSaraban(['--version']);
    expect(result.stdout.trim()).toBe(version);
    expect(result.code).toBe(0);
  });

  test('README documents the exit codes', async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Exit codes'));
    for (const code of [0, 1, 2, 70]) expect(table).toMatch(new RegExp(`\\| \`${code}\` +\\|`));
  });
});
