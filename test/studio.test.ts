import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type OfflinePage, openOfflinePage, screenshotsDir } from './support/browser.js';
import { templatesDir } from './support/saraban.js';
import { type SarabanProcess, startSaraban, stopSaraban } from './support/saraban-process.js';

/** Waits until the preview has printed more times than `before`, and returns its state and status line. */
async function nextPreview(page: Page, before: number): Promise<{ state: string; status: string; printed: number }> {
  await page.waitForFunction(
    (count) => {
      const preview = document.querySelector<HTMLElement>('.preview');
      const state = preview?.dataset.state;
      return state === 'problems' || state === 'failed' || Number(preview?.dataset.printed) > count;
    },
    { timeout: 30_000 },
    before,
  );
  return page.$eval('.preview', (preview) => ({
    state: (preview as HTMLElement).dataset.state ?? '',
    status: preview.querySelector('.status')?.textContent ?? '',
    printed: Number((preview as HTMLElement).dataset.printed),
  }));
}

/** Opens a file's tab in the designer and types at the end of it. */
async function typeAtEnd(page: Page, path: string, typed: string): Promise<void> {
  await page.click(`.tabs button[data-path="${path}"]`);
  // The start of the first line: the middle of a long file lies outside the editor's scrolled view.
  await page.click(`.editor[data-path="${path}"] .cm-line`, { offset: { x: 2, y: 2 } });
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await page.keyboard.type(typed);
}

describe('Saraban Studio in a browser, served by saraban serve with no internet', () => {
  let dir: string;
  let serve: SarabanProcess;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-studio-'));
    serve = await startSaraban(
      ['serve', '--port', '0', '--pool', '1', '--db', join(dir, 'saraban.db')],
      /GraphQL API and GraphiQL: (\S+)/,
    );
    origin = new URL(serve.match[1] as string).origin;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (serve) await stopSaraban(serve.child);
    await rm(dir, { recursive: true, force: true });
  });

  test('a designer changes the memo CSS and the preview changes; breaks the Handlebars and sees the error at its line', async () => {
    const { page, blocked, pageErrors }: OfflinePage = await openOfflinePage(browser, origin);
    await page.goto(`${origin}/#/templates/memo`);
    await page.waitForSelector('.template-list a[href="#/templates/memo"]');
    const first = await nextPreview(page, 0);
    expect(first.state).toBe('ready');
    await page.select('.preview select', 'examples/short-memo.json');
    const short = await nextPreview(page, first.printed);
    expect(short.status).toMatch(/^1 หน้า/);
    await page.screenshot({ path: join(screenshotsDir, 'studio-designer.png') });

    // A CSS mistake that turns the one-page memo into several shows at once.
    await typeAtEnd(page, 'style.css', '\n.body p { font-size: 40pt; }\n');
    const edited = await nextPreview(page, short.printed);
    expect(edited.state).toBe('ready');
    expect(edited.status).toMatch(/^[2-9] หน้า/);
    await page.screenshot({ path: join(screenshotsDir, 'studio-css-edit.png') });

    // An unclosed block at the end of template.hbs: the error names that line, in the list and in the editor.
    const hbs = await readFile(join(templatesDir, 'memo', 'template.hbs'), 'utf8');
    const lastLine = hbs.split('\n').length + 1;
    await typeAtEnd(page, 'template.hbs', '\n{{#if subject}}');
    const broken = await nextPreview(page, edited.printed);
    expect(broken.state).toBe('problems');
    const problems = await page.$$eval('.problems .problem', (items) => items.map((item) => item.textContent));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^template\\.hbs:${lastLine}:\\d+ .*Parse error`))]);
    // The mark in the editor stands on that line: the line number beside it, as the designer reads it.
    const markedLine = await page.$eval('.editor[data-path="template.hbs"]', (editor) => {
      const mark = editor.querySelector('.cm-lintRange-error, .cm-lintPoint-error');
      if (!mark) return undefined;
      const { top, bottom } = mark.getBoundingClientRect();
      const middle = (top + bottom) / 2;
      const numbers = [...editor.querySelectorAll('.cm-lineNumbers .cm-gutterElement')];
      const beside = numbers.find((number) => {
        const box = number.getBoundingClientRect();
        return box.height > 0 && box.top <= middle && middle <= box.bottom;
      });
      return Number(beside?.textContent);
    });
    expect(markedLine).toBe(lastLine);
    await page.screenshot({ path: join(screenshotsDir, 'studio-hbs-error.png') });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('GraphiQL loads and answers a query with the network blocked', async () => {
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin);
    await page.setExtraHTTPHeaders({ accept: 'text/html' });
    await page.goto(`${origin}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.screenshot({ path: join(screenshotsDir, 'graphiql.png') });
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
