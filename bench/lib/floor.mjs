import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The launch flags and PDF options @saraban/print prints with, so the floor produces the same kind of PDF.
import { CHROMIUM_ARGS, defaultChromiumPath, PDF_OPTIONS } from '@saraban/print';

// The puppeteer-core @saraban/print uses, so the floor runs the same client.
const puppeteer = createRequire(new URL('../../packages/print/package.json', import.meta.url))('puppeteer-core');

/**
 * The least any HTML-to-PDF service on Chromium must do: bare puppeteer-core on a fresh user-data directory,
 * tabs with request interception answering the same assets from memory, `setContent` then `pdf` on a reused tab.
 *
 * @example
 * const floor = await launchFloor(1);
 * const ms = await floor.print(0, page);
 * await floor.close();
 * @param {number} tabs
 */
export async function launchFloor(tabs) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'saraban-bench-floor-'));
  const browser = await puppeteer.launch({
    executablePath: defaultChromiumPath(),
    userDataDir,
    args: [...CHROMIUM_ARGS],
    pipe: true,
  });
  /** @type {import('./pipeline.mjs').RenderedPage['assets']} */
  let assets = new Map();
  const pages = await Promise.all(
    Array.from({ length: tabs }, async () => {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const asset = assets.get(request.url());
        if (asset) {
          request.respond({
            status: 200,
            contentType: asset.contentType,
            headers: { 'access-control-allow-origin': '*' },
            body: asset.body,
          });
        } else if (request.url().startsWith('data:')) request.continue();
        else request.abort('blockedbyclient');
      });
      return page;
    }),
  );
  return {
    browserPid: () => browser.process()?.pid,
    /**
     * Prints one page's HTML on tab `tab`; returns the PDF.
     * @param {number} tab
     * @param {import('./pipeline.mjs').RenderedPage} page
     */
    async print(tab, page) {
      assets = page.assets;
      await pages[tab].setContent(page.html, { waitUntil: 'load' });
      return pages[tab].pdf(PDF_OPTIONS);
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
