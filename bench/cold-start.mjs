// One cold start, run in a fresh Node process by run.mjs: `node bench/cold-start.mjs pipeline <dir> <poolSize>`
// opens Saraban on a new database, stores the one-page memo and renders it; `node bench/cold-start.mjs floor <page.json>`
// launches bare puppeteer-core and prints the same HTML. Either prints one JSON line of milestones, in
// milliseconds since this process started.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const [mode, ...args] = process.argv.slice(2);
/** @type {Record<string, number>} */
const milestones = {};
const mark = (/** @type {string} */ name) => {
  milestones[name] = Math.round(performance.now());
};

if (mode === 'pipeline') {
  const [dir, poolSize] = args;
  const { memoExample, openTimedSaraban } = await import('./lib/pipeline.mjs');
  mark('imported');
  const saraban = await openTimedSaraban({ databaseFile: join(dir, 'cold.db'), poolSize: Number(poolSize) });
  mark('opened');
  const id = await saraban.createDocument(await memoExample('short-memo'));
  mark('documentStored');
  const { pages } = await saraban.render(id);
  mark('firstPdf');
  process.stdout.write(`${JSON.stringify({ milestones, pages })}\n`);
  await saraban.close();
} else if (mode === 'floor') {
  const saved = JSON.parse(await readFile(args[0], 'utf8'));
  const page = {
    html: saved.html,
    assets: new Map(saved.assets.map(([url, asset]) => [url, { ...asset, body: Buffer.from(asset.body, 'base64') }])),
  };
  const { launchFloor } = await import('./lib/floor.mjs');
  mark('imported');
  const floor = await launchFloor(1);
  mark('opened');
  await floor.print(0, page);
  mark('firstPdf');
  process.stdout.write(`${JSON.stringify({ milestones })}\n`);
  await floor.close();
} else {
  throw new Error(`usage: node bench/cold-start.mjs pipeline <dir> <poolSize> | floor <page.json>`);
}
