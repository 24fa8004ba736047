import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type OfflinePage, openOfflinePage, screenshotsDir } from './support/browser.js';
import { compact, readPdf } from './support/pdf.js';
import { templatesDir } from './support/saraban.js';
import { graphqlAt, type SarabanProcess, startSaraban, stopSaraban } from './support/saraban-process.js';

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
  let api: ReturnType<typeof graphqlAt>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-studio-'));
    serve = await startSaraban(
      ['serve', '--port', '0', '--pool', '1', '--db', join(dir, 'saraban.db')],
      /GraphQL API and GraphiQL: (\S+)/,
    );
    origin = new URL(serve.match[1] as string).origin;
    api = graphqlAt(origin);
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

  test('a designer publishes the draft, and a render records the new version', async () => {
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin);
    // A template no other test edits: its first draft is this test's.
    await page.goto(`${origin}/#/templates/order`);
    const first = await nextPreview(page, 0);
    await typeAtEnd(page, 'style.css', '\n.body p { letter-spacing: 0.2pt; }\n');
    await page.waitForSelector('.draft-state[data-revision="1"]', { timeout: 30_000 });
    await nextPreview(page, first.printed);
    await page.type('.version-bar .note', 'ระยะตัวอักษรเนื้อความ');
    await page.click('.version-bar .publish');
    await page.waitForFunction(() => document.querySelector('.version-message')?.textContent?.includes('ฉบับที่ 2'), {
      timeout: 30_000,
    });
    const history = await page.$$eval('.history li', (items) => items.map((item) => item.textContent ?? ''));
    expect(history[0]).toContain('ฉบับที่ 2');
    expect(history[0]).toContain('ระยะตัวอักษรเนื้อความ');
    await page.screenshot({ path: join(screenshotsDir, 'studio-published.png') });

    const input = JSON.parse(await readFile(join(templatesDir, 'order', 'examples', 'oit-assignment.json'), 'utf8'));
    const created = await api<{ createDocument: { id: string } }>(
      'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
      { input },
    );
    const rendered = await api<{ renderDocument: { templateVersion: number } }>(
      'mutation ($id: ID!) { renderDocument(id: $id) { templateVersion } }',
      { id: created.createDocument.id },
    );
    expect(rendered.renderDocument.templateVersion).toBe(2);
    const { template } = await api<{ template: { version: number; draft: null } }>(
      '{ template(name: "order") { version draft { revision } } }',
    );
    expect(template).toEqual({ version: 2, draft: null });
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('a staff member fills in a memo form, is told of a missing subject at the field, prints and downloads the PDF', async () => {
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin);
    await page.goto(`${origin}/#/documents/new/memo`);
    await page.waitForSelector('.staff form');
    await page.click('.staff .print');
    await page.waitForSelector('[data-path="input.subject"] .field-error', { timeout: 30_000 });
    await page.screenshot({ path: join(screenshotsDir, 'studio-form-error.png') });

    const subject = 'ขอเชิญประชุมคณะทำงานพัฒนาระบบสารบรรณ';
    const paragraph = 'ด้วยกองยุทธศาสตร์และงบประมาณจะจัดประชุมคณะทำงานในวันจันทร์ที่ ๑๐ มีนาคม ๒๕๖๘ ณ ห้องประชุมใหญ่';
    await page.type('[data-field="subject"] input', subject);
    await page.click('fieldset[data-field="organization"] legend input[type="checkbox"]');
    await page.type('fieldset[data-field="organization"] [data-field="name"] input', 'องค์การบริหารส่วนจังหวัดลำพูน');
    await page.type('[data-field="date"] .day', '5');
    await page.select('[data-field="date"] .month', '3');
    await page.type('[data-field="date"] .year', '2568');
    await page.click('fieldset[data-field="body"] .add');
    await page.type('fieldset[data-field="body"] textarea[name="text"]', paragraph);
    await page.click('.staff .print');
    await page.waitForSelector('.staff .pages[data-state="ready"]', { timeout: 30_000 });
    await page.screenshot({ path: join(screenshotsDir, 'studio-form-printed.png') });

    const href = await page.$eval('.staff a.download', (link) => (link as HTMLAnchorElement).href);
    const download = await fetch(href);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const { pages } = await readPdf(new Uint8Array(await download.arrayBuffer()));
    const printed = compact(pages.join('\n'));
    expect(printed).toContain(compact(subject));
    expect(printed).toContain(compact(paragraph));
    expect(printed).toContain(compact('๕ มีนาคม ๒๕๖๘'));
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test("template.hbs completes the query's fields in scope, the helpers and the partials; a print's warnings show like errors", async () => {
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin);
    await page.goto(`${origin}/#/templates/internal-letter`);
    const first = await nextPreview(page, 0);
    expect(first.state).toBe('ready');
    // The example's organization has no emblem: a warning, at the example's "organization", beside the errors.
    const warnings = await page.$$eval('.problems .warning', (items) => items.map((item) => item.textContent));
    expect(warnings).toEqual([
      expect.stringMatching(/^examples\/budget-request\.json:\d+:\d+ organization ".+" has no emblem/),
    ]);
    expect(first.status).toMatch(/คำเตือน 1 รายการ/);
    await page.click('.problems .warning button');
    const marked = await page.$eval('.editor[data-path="examples/budget-request.json"]', (editor) => ({
      warnings: editor.querySelectorAll('.cm-lintRange-warning').length,
      errors: editor.querySelectorAll('.cm-lintRange-error').length,
      text: editor.querySelector('.cm-lintRange-warning')?.textContent,
    }));
    expect(marked).toEqual({ warnings: 1, errors: 0, text: 'organization' });
    await page.screenshot({ path: join(screenshotsDir, 'studio-warnings.png') });

    const completions = async (screenshot?: string) => {
      await page.waitForSelector('.cm-tooltip-autocomplete li', { timeout: 10_000 });
      const labels = await page.$$eval('.cm-tooltip-autocomplete li .cm-completionLabel', (items) =>
        items.map((item) => item.textContent),
      );
      if (screenshot) await page.screenshot({ path: join(screenshotsDir, screenshot) });
      await page.keyboard.press('Escape');
      return labels;
    };
    // Inside {{#with document}}, the document's fields the query selects; after a dot, the fields under it.
    await typeAtEnd(page, 'template.hbs', '\n{{#with document}}{{organization.');
    const organization = await completions('studio-hbs-completion.png');
    expect(organization).toEqual(expect.arrayContaining(['name', 'unit', 'phone', 'addressLines']));
    expect(organization).not.toContain('subject');
    await page.keyboard.type('name}}{{sub');
    expect(await completions()).toContain('subject');
    await page.keyboard.type('ject}}{{thai');
    expect(await completions()).toContain('thaiDate');
    await page.keyboard.type('Date date}}{{> sig');
    expect(await completions()).toEqual(['signature']);
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
