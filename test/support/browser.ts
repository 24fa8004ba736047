import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultChromiumPath } from '@saraban/print';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { repoRoot } from './saraban.js';

/** Where browser tests write their screenshots, to be looked at. */
export const screenshotsDir = join(repoRoot, '.saraban', 'screenshots');

/** A browser page that may reach one origin only, as on an intranet without internet. */
export interface OfflinePage {
  page: Page;
  /** The URLs the page asked for outside the origin, refused. */
  blocked: string[];
  /** Errors the page's scripts threw. */
  pageErrors: string[];
}

/**
 * Launches Chromium (the one Saraban prints with) for a browser test.
 *
 * @example
 * const browser = await launchBrowser();
 * try { ... } finally { await browser.close(); }
 */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(screenshotsDir, { recursive: true });
  return puppeteer.launch({
    executablePath: defaultChromiumPath(),
    headless: 'shell',
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
}

/**
 * Opens a page that can load from `origin` (and data: and blob: URLs) and nothing else: every other request is
 * refused and listed, as a network without internet would. `hold`, when given, sees each request to the origin;
 * one it returns a promise for goes on once that settles (a test holds an answer back to see what the page does
 * meanwhile).
 *
 * @example
 * const { page, blocked } = await openOfflinePage(browser, 'http://127.0.0.1:4000');
 */
export async function openOfflinePage(
  browser: Browser,
  origin: string,
  hold: (request: HTTPRequest) => Promise<void> | undefined = () => undefined,
): Promise<OfflinePage> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`)) {
      const held = hold(request);
      // A held request the page gave up meanwhile can no longer go on.
      if (held) void held.then(() => request.continue().catch(() => undefined));
      else void request.continue();
    } else if (url.startsWith('data:') || url.startsWith('blob:')) {
      void request.continue();
    } else {
      blocked.push(url);
      void request.abort('internetdisconnected');
    }
  });
  page.on('pageerror', (error) => pageErrors.push((error as Error).message));
  return { page, blocked, pageErrors };
}
