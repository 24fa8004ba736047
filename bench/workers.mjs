// `node bench/workers.mjs [--quick]`: one-page PDFs per second through renderBatch, in one run: the in-process pool on
// SQLite (`saraban serve --pool 2`), and on PostgreSQL an API server (`saraban serve --no-worker`) with one, then two
// worker processes (`saraban worker --pool 2`). Each configuration warms up with a small batch first, then times a
// batch of fresh one-page memos from the mutation to the job's DONE (the zip included). Prints one JSON document;
// progress goes to stderr. Needs `pnpm build` (the bundled command) and PostgreSQL's server programs (a temporary
// server is started, as the tests do).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startTemporaryPostgres } from '../test/support/temporary-postgres.mjs';

const quick = process.argv.includes('--quick');
const documents = quick ? 60 : 200;
const warmUp = 8;
const pool = 2;
const sarabanBin = new URL('../packages/cli/bundle/saraban.js', import.meta.url).pathname;
const memoFile = new URL('../templates/memo/examples/short-memo.json', import.meta.url).pathname;
const startedAt = performance.now();
const log = (/** @type {string} */ message) =>
  process.stderr.write(`[bench ${((performance.now() - startedAt) / 1000).toFixed(1)}s] ${message}\n`);

/** Starts `saraban <args>` and resolves with the child and what `ready` matched in its output. */
function start(/** @type {string[]} */ args, /** @type {RegExp} */ ready) {
  const child = spawn('node', [sarabanBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve({ child, match });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`saraban ${args[0]} exited with ${code}:\n${output}`)));
  });
}

/** Stops the children with SIGTERM and waits for them to exit. */
async function stopAll(/** @type {import('node:child_process').ChildProcess[]} */ children) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(undefined);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** A GraphQL client of the server at `url`. */
function client(/** @type {string} */ url) {
  return async (/** @type {string} */ query, /** @type {Record<string, unknown>} */ variables = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** Stores `count` fresh memos and prints them in one batch; resolves with the seconds from the mutation to DONE. */
async function timedBatch(graphql, memo, count, label) {
  const ids = [];
  for (let n = 0; n < count; n++) {
    const input = { ...memo, subject: `${label} ${n} ${Math.random().toString(36).slice(2, 8)}` };
    const created = await graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input,
    });
    ids.push(created.createDocument.id);
  }
  const begun = performance.now();
  const { renderBatch } = await graphql('mutation ($ids: [ID!]!) { renderBatch(documentIds: $ids) { id } }', { ids });
  for (;;) {
    const { batchJob } = await graphql('query ($id: ID!) { batchJob(id: $id) { status done failed } }', {
      id: renderBatch.id,
    });
    if (batchJob.status === 'FAILED' || batchJob.failed > 0) throw new Error(`${label}: ${JSON.stringify(batchJob)}`);
    if (batchJob.status === 'DONE') return (performance.now() - begun) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs one configuration: its processes, a warm-up batch, then the timed batch. */
async function measure(label, processes) {
  const children = [];
  try {
    const started = [];
    for (const [args, ready] of processes) started.push(await start(args, ready));
    children.push(...started.map((process) => process.child));
    const graphql = client(started[0].match[1]);
    const memo = JSON.parse(await readFile(memoFile, 'utf8'));
    await timedBatch(graphql, memo, warmUp, `${label} warm-up`);
    const seconds = await timedBatch(graphql, memo, documents, label);
    const result = {
      documents,
      seconds: Number(seconds.toFixed(2)),
      pdfsPerSecond: Number((documents / seconds).toFixed(1)),
    };
    log(`${label}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await stopAll(children);
  }
}

const dir = await mkdtemp(join(tmpdir(), 'saraban-bench-workers-'));
const postgres = await startTemporaryPostgres();
const listening = /GraphQL API and GraphiQL: (\S+)/;
const working = /taking render jobs/;
try {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  const database = async (name) => {
    await admin.query(`create database ${name}`);
    return postgres.url.replace(/\/postgres$/, `/${name}`);
  };
  const figures = {};
  const sqlite = join(dir, 'saraban.db');
  figures[`sqlite, in-process pool ${pool}`] = await measure('sqlite', [
    [['serve', '--port', '0', '--pool', String(pool), '--db', sqlite], listening],
  ]);
  for (const workers of [1, 2]) {
    const url = await database(`bench_${workers}`);
    const worker = [['worker', '--pool', String(pool), '--db', url], working];
    figures[`postgres, ${workers} worker${workers > 1 ? 's' : ''} of pool ${pool}`] = await measure(
      `postgres ${workers}`,
      [[['serve', '--no-worker', '--port', '0', '--db', url], listening], ...Array(workers).fill(worker)],
    );
  }
  await admin.end();
  const machine = { cpus: cpus().length, loadAverageAtEnd: Number(loadavg()[0].toFixed(2)) };
  console.log(JSON.stringify({ benchmark: 'workers', quick, machine, figures }, null, 2));
} finally {
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}
