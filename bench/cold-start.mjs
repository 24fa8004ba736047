// The floor's cold start, run in a fresh Node process by run.mjs: `node bench/cold-start.mjs <page.json>` launches bare
// puppeteer-core and prints the same HTML, then prints one JSON line of milestones, in milliseconds since this process
// started. (The pipeline's cold start is the `saraban serve` command itself.)
import { readFile } from 'node:fs/promises';

const [pageFile] = process.argv.slice(2);
if (!pageFile) throw new Error('usage: node bench/cold-start.mjs <page.json>');
/** @type {Record<string, number>} */
const milestones = {};
const mark = (/** @type {string} */ name) => {
  milestones[name] = Math.round(performance.now());
};

const saved = JSON.parse(await readFile(pageFile, 'utf8'));
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
