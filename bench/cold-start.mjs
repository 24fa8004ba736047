// The floor's cold start, run in a fresh Node process by run.mjs: `node bench/cold-start.mjs floor <page.json>` launches
// bare puppeteer-core and prints the same HTML, then prints one JSON line of milestones, in milliseconds since this
// process started. (The pipeline's cold start is the `saraban serve` command itself.)
import { readFile } from 'node:fs/promises';

const [mode, ...args] = process.argv.slice(2);
/** @type {Record<string, number>} */
const milestones = {};
const mark = (/** @type {string} */ name) => {
  milestones[name] = Math.round(performance.now());
};

if (mode === 'floor') {
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
  throw new Error('usage: node bench/cold-start.mjs floor <page.json>');
}
