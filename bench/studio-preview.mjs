// `node bench/studio-preview.mjs [--quick]`: the time from an edit in Saraban Studio's designer to the updated preview
// on screen, for the one-page memo, with the bare print of the same memo (the floor) in the same run. One JSON
// document on stdout, progress on stderr. `pnpm bench` runs it too (its `studioPreview` figure).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultChromiumPath } from '@saraban/print';
import { launchFloor } from './lib/floor.mjs';
import { memoExample, openTimedSaraban } from './lib/pipeline.mjs';
import { latencySummary, round } from './lib/stats.mjs';

// The puppeteer-core @saraban/print uses, driving the browser the designer runs in.
const puppeteer = createRequire(new URL('../packages/print/package.json', import.meta.url))('puppeteer-core');
/** The `saraban` command as users run it (built by `pnpm build`). */
const sarabanBin = new URL('../packages/cli/bundle/saraban.js', import.meta.url).pathname;

/**
 * Serves Saraban Studio with `saraban serve` (the bundle, a new database), opens the memo template in the designer
 * in Chromium with the one-page example, and times edits: from the key pressed in style.css (a character typed into
 * a CSS comment at its end, so each edit prints once more) to the first animation frame after the preview's new
 * pages are in the page (`data-printed` raised). Edits alternate with bare prints of the same memo's HTML (`memoPage`)
 * on the floor, so load on the machine falls on both alike.
 *
 * @param {{ memoPage: import('./lib/pipeline.mjs').RenderedPage, samples: number, warmUps: number, log: (message: string) => void }} options
 */
export async function measureStudioPreview({ memoPage, samples, warmUps, log }) {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-bench-studio-'));
  const serve = spawn(
    process.execPath,
    [sarabanBin, 'serve', '--port', '0', '--pool', '1', '--db', join(dir, 'saraban.db')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const floor = await launchFloor(1);
  const browser = await puppeteer.launch({
    executablePath: defaultChromiumPath(),
    headless: 'shell',
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const origin = await new Promise((resolve, reject) => {
      let output = '';
      serve.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /GraphQL API and GraphiQL: (\S+)/.exec(output);
        if (match) resolve(new URL(match[1]).origin);
      });
      serve.once('exit', (code) => reject(new Error(`saraban serve exited with ${code}: ${output}`)));
    });
    log('studio preview: designer open on the memo');
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(`${origin}/#/templates/memo`);
    await page.waitForSelector('.preview select');
    await page.select('.preview select', 'examples/short-memo.json');
    await page.waitForFunction(() => document.querySelector('.preview')?.dataset.state === 'ready');
    const pagesShown = await page.$eval('.preview .status', (status) => status.textContent);
    // Times taken in the page: each key pressed, each new set of pages (at the next frame, once painted).
    await page.evaluate(() => {
      const times = { keys: /** @type {number[]} */ ([]), shown: /** @type {number[]} */ ([]) };
      Object.assign(window, { benchTimes: times });
      document.addEventListener('keydown', () => times.keys.push(performance.now()), true);
      const preview = /** @type {HTMLElement} */ (document.querySelector('.preview'));
      new MutationObserver(() => requestAnimationFrame(() => times.shown.push(performance.now()))).observe(preview, {
        attributes: true,
        attributeFilter: ['data-printed'],
      });
    });
    await page.click('.tabs button[data-path="style.css"]');
    await page.click('.editor[data-path="style.css"] .cm-line', { offset: { x: 2, y: 2 } });
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type('\n/* bench  */');
    for (let left = 0; left < 3; left++) await page.keyboard.press('ArrowLeft');
    // Let the comment's own prints finish before the timed edits.
    await page.waitForFunction(() => document.querySelector('.preview')?.dataset.state === 'ready');
    await new Promise((resolve) => setTimeout(resolve, 1000));

    /** @type {number[]} */
    const editMs = [];
    /** @type {number[]} */
    const bareMs = [];
    for (let run = 0; run < warmUps + samples; run++) {
      const printed = Number(await page.$eval('.preview', (preview) => preview.dataset.printed));
      const [keysBefore, shownBefore] = await page.evaluate(() => [benchTimes.keys.length, benchTimes.shown.length]);
      await page.keyboard.type(String(run % 10));
      await page.waitForFunction(
        (count, shown) =>
          Number(document.querySelector('.preview')?.dataset.printed) > count && benchTimes.shown.length > shown,
        { timeout: 30_000 },
        printed,
        shownBefore,
      );
      const [key, shown] = await page.evaluate(
        (keyIndex, shownIndex) => [benchTimes.keys[keyIndex], benchTimes.shown[shownIndex]],
        keysBefore,
        shownBefore,
      );
      const started = performance.now();
      await floor.print(0, memoPage);
      if (run >= warmUps) {
        editMs.push(shown - key);
        bareMs.push(performance.now() - started);
      }
      if (run === warmUps) log(`studio preview: ${samples} edits timed`);
    }
    const edit = latencySummary(editMs);
    const bare = latencySummary(bareMs);
    return {
      what:
        'from a key pressed in the memo designer (style.css) to the next frame after its new preview pages are in the ' +
        'page (print through previewTemplate, pdf.js drawing), against the bare print of the same memo (floor), ' +
        'alternating; ms',
      example: 'templates/memo/examples/short-memo.json',
      status: pagesShown,
      editToPreview: edit,
      barePrint: bare,
      ratio: round(edit.medianMs / bare.medianMs),
    };
  } finally {
    await browser.close();
    await floor.close();
    serve.kill('SIGTERM');
    await new Promise((resolve) => (serve.exitCode === null ? serve.once('exit', resolve) : resolve(undefined)));
    await rm(dir, { recursive: true, force: true });
  }
}

/** Run on its own: the memo's page for the floor comes from one render through the pipeline. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const startedAt = performance.now();
  const log = (/** @type {string} */ message) =>
    process.stderr.write(`[studio bench ${((performance.now() - startedAt) / 1000).toFixed(1)}s] ${message}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'saraban-bench-memo-'));
  try {
    const saraban = await openTimedSaraban({ databaseFile: join(dir, 'saraban.db'), poolSize: 1 });
    let memoPage;
    try {
      await saraban.render(await saraban.createDocument(await memoExample('short-memo')));
      memoPage = saraban.lastPage();
    } finally {
      await saraban.close();
    }
    if (!memoPage) throw new Error('the memo was not rendered');
    const figure = await measureStudioPreview({ memoPage, samples: quick ? 10 : 30, warmUps: quick ? 3 : 5, log });
    process.stdout.write(`${JSON.stringify({ mode: quick ? 'quick' : 'full', studioPreview: figure }, null, 2)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
