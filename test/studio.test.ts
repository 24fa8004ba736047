import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type OfflinePage, openOfflinePage, screenshotsDir } from './support/browser.js';
import { compact, readPdf } from './support/pdf.js';
import { templatesDir } from './support/saraban.js';
import { graphqlAt, type SarabanProcess, startSaraban, stopSaraban } from './support/saraban-process.js';

/**
 * Waits until the preview has printed more times than `before` (or shows problems) and no print is running (typing
 * prints as it goes: the last keystroke's print comes last), and returns its state and status line.
 */
async function nextPreview(page: Page, before: number): Promise<{ state: string; status: string; printed: number }> {
  await page.waitForFunction(
    (count) => {
      const preview = document.querySelector<HTMLElement>('.preview');
      const state = preview?.dataset.state;
      if (state === 'printing') return false;
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

/** Fills in the staff form of a memo: subject, organization, date (๕ มีนาคม ๒๕๖๘) and one paragraph. */
async function fillMemo(page: Page, subject: string, paragraph: string): Promise<void> {
  await page.type('[data-field="subject"] input', subject);
  await page.click('fieldset[data-field="organization"] legend input[type="checkbox"]');
  await page.type('fieldset[data-field="organization"] [data-field="name"] input', 'องค์การบริหารส่วนจังหวัดลำพูน');
  await page.type('[data-field="date"] .day', '5');
  await page.select('[data-field="date"] .month', '3');
  await page.type('[data-field="date"] .year', '2568');
  await page.click('fieldset[data-field="body"] .add');
  await page.type('fieldset[data-field="body"] textarea[name="text"]', paragraph);
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
    // The first difference asked for is held back until the second is on screen.
    let releaseDiff: () => void = () => undefined;
    let heldDiff: HTTPRequest | undefined;
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin, (request) => {
      if (heldDiff || !request.postData()?.includes('templateDiff')) return undefined;
      heldDiff = request;
      return new Promise<void>((resolve) => {
        releaseDiff = resolve;
      });
    });
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

    // Version 1 compared, then version 2 before the first answer came: the second difference stays on screen.
    const compare = (version: number) =>
      page.click(`.history li[data-version="${version}"] button.link:not(.rollback)`);
    const diffText = () => page.$eval('.versions .diff', (diff) => diff.textContent);
    await compare(1);
    await compare(2);
    await page.waitForFunction(() => document.querySelector('.versions .diff')?.textContent === 'ไม่มีความแตกต่าง', {
      timeout: 30_000,
    });
    const firstDiff = page.waitForResponse((response) => response.request() === heldDiff, { timeout: 30_000 });
    releaseDiff();
    await firstDiff;
    await page.waitForNetworkIdle();
    expect(await diffText()).toBe('ไม่มีความแตกต่าง');
    await compare(1);
    await page.waitForFunction(
      () => document.querySelector('.versions .diff')?.textContent?.includes('letter-spacing'),
      {
        timeout: 30_000,
      },
    );

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
    await fillMemo(page, subject, paragraph);
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

  test('staff who print while their save is on its way store one document, and see the print they asked for last', async () => {
    // The first PDF the page downloads is held back until the second print is on screen.
    let pdfAsked: (request: HTTPRequest) => void = () => undefined;
    const firstPdf = new Promise<HTTPRequest>((resolve) => {
      pdfAsked = resolve;
    });
    let releasePdf: () => void = () => undefined;
    let holding = false;
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin, (request) => {
      if (holding || !new URL(request.url()).pathname.startsWith('/renders/')) return undefined;
      holding = true;
      pdfAsked(request);
      return new Promise<void>((resolve) => {
        releasePdf = resolve;
      });
    });
    await page.goto(`${origin}/#/documents/new/memo`);
    await page.waitForSelector('.staff form');
    const subject = 'ขอรายงานผลการเบิกจ่ายงบประมาณ';
    await fillMemo(page, `${subject} ไตรมาสที่ ๑`, 'ตามที่สำนักงบประมาณได้ขอให้หน่วยงานรายงานผลการเบิกจ่ายเป็นรายไตรมาส');
    // A slow network: the draft's save is still on its way when the print is clicked.
    await page.emulateNetworkConditions({ download: 10e6, upload: 10e6, latency: 400 });
    await page.click('.staff .save');
    await page.click('.staff .print');
    const held = await firstPdf;
    await page.emulateNetworkConditions(null);
    // Meanwhile the subject is corrected and the memo printed again: that print is the one to show.
    await page.$eval('[data-field="subject"] input', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.type('[data-field="subject"] input', `${subject} ไตรมาสที่ ๒`);
    await page.click('.staff .print');
    await page.waitForSelector('.staff .pages[data-state="ready"]', { timeout: 30_000 });
    const href = () => page.$eval('.staff a.download', (link) => (link as HTMLAnchorElement).href);
    const shown = await href();
    // The first print's PDF arrives now, after the second's, and is not put in its place.
    const firstArrived = page.waitForResponse((response) => response.request() === held, { timeout: 30_000 });
    releasePdf();
    await firstArrived;
    await page.waitForNetworkIdle();
    expect(await href()).toBe(shown);
    const { pages } = await readPdf(new Uint8Array(await (await fetch(shown)).arrayBuffer()));
    expect(compact(pages.join('\n'))).toContain(compact(`${subject} ไตรมาสที่ ๒`));
    expect(await page.$eval('.form-message', (message) => message.className)).toBe('form-message');
    // One document, saved three times: the draft, then before each print.
    const { documents } = await api<{ documents: { total: number; items: Array<{ version: number }> } }>(
      'query ($subject: String) { documents(subject: $subject) { total items { version } } }',
      { subject },
    );
    expect(documents).toEqual({ total: 1, items: [{ version: 3 }] });
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('staff pick a stored organization and signer to fill the form, and see every problem at its field', async () => {
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin);
    const organization = 'สำนักงานสาธารณสุขจังหวัดลำพูน';
    const { createOrganization } = await api<{ createOrganization: { id: string } }>(
      'mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: organization, unit: 'กลุ่มงานบริหารทั่วไป', phone: '๐ ๕๓๕๑ ๐๐๐๐' } },
    );
    const { createPerson } = await api<{ createPerson: { id: string } }>(
      'mutation ($input: PersonInput!) { createPerson(input: $input) { id } }',
      { input: { title: 'นาง', givenName: 'สมศรี', familyName: 'ใจดี', positions: ['นายแพทย์สาธารณสุขจังหวัดลำพูน'] } },
    );
    await page.goto(`${origin}/#/documents/new/memo`);
    await page.waitForSelector('.staff form');
    // Three problems at once: a block list numbered from 0, no subject and no organization.
    await page.click('fieldset[data-field="body"] .add');
    await page.select('fieldset[data-field="body"] .choice select', 'list');
    await page.type('fieldset[data-field="body"] [data-field="start"] input', '0');
    await page.click('.staff .print');
    await page.waitForSelector('[data-path="input.body[0].list.start"] .field-error', { timeout: 30_000 });
    const fieldError = (path: string) => page.$eval(`[data-path="${path}"] .field-error`, (error) => error.textContent);
    // In Thai for staff; the API's own messages ("must be 1 or more; got 0") stay as integrators read them.
    expect(await fieldError('input.body[0].list.start')).toBe('ต้องเป็น 1 ขึ้นไป (กรอกไว้ 0)');
    expect(await fieldError('input.subject')).toBe('ต้องไม่เว้นว่าง');
    expect(await fieldError('input.organization')).toBe('ต้องกรอกส่วนราชการ หรือเลือกจากที่บันทึกไว้');
    await page.screenshot({ path: join(screenshotsDir, 'studio-form-problems.png') });

    await page.click('fieldset[data-field="body"] .remove');
    await page.click('fieldset[data-field="body"] .add');
    await page.type('fieldset[data-field="body"] textarea[name="text"]', 'ขอรายงานผลการตรวจสุขภาพประจำปี');
    await page.type('[data-field="subject"] input', 'รายงานผลการตรวจสุขภาพ');
    await page.click('fieldset[data-field="organization"] legend input[type="checkbox"]');
    await page.select('fieldset[data-field="organization"] select.stored', createOrganization.id);
    expect(
      await page.$eval(
        'fieldset[data-field="organization"] [data-field="name"] input',
        (input) => (input as HTMLInputElement).value,
      ),
    ).toBe(organization);
    await page.click('fieldset[data-field="signer"] legend input[type="checkbox"]');
    await page.select('fieldset[data-field="signer"] select.stored', createPerson.id);
    await page.click('.staff .print');
    await page.waitForSelector('.staff .pages[data-state="ready"]', { timeout: 30_000 });
    await page.$eval('fieldset[data-field="organization"]', (section) => section.scrollIntoView());
    await page.screenshot({ path: join(screenshotsDir, 'studio-form-picked.png') });
    const href = await page.$eval('.staff a.download', (link) => (link as HTMLAnchorElement).href);
    const { pages } = await readPdf(new Uint8Array(await (await fetch(href)).arrayBuffer()));
    const printed = compact(pages.join('\n'));
    expect(printed).toContain(compact(organization));
    expect(printed).toContain(compact('สมศรี ใจดี'));
    expect(printed).toContain(compact('นายแพทย์สาธารณสุขจังหวัดลำพูน'));
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('staff find documents by subject, kind, organization and date, open one, save it, and are told when someone saved first', async () => {
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin);
    const memo = JSON.parse(await readFile(join(templatesDir, 'memo', 'examples', 'short-memo.json'), 'utf8'));
    const create = async (input: Record<string, unknown>) =>
      (
        await api<{ createDocument: { id: string } }>(
          'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
          { input },
        )
      ).createDocument.id;
    const wanted = 'ขออนุมัติจัดซื้อครุภัณฑ์สำนักงานประจำปี';
    const id = await create({ ...memo, subject: wanted, date: '2025-03-05' });
    await create({ ...memo, subject: 'ขออนุมัติเดินทางไปราชการ', date: '2025-06-01' });
    await create({ ...memo, subject: 'ขออนุมัติจัดซื้อวัสดุ', organization: { name: 'เทศบาลนครเชียงใหม่' } });

    await page.goto(`${origin}/#/documents`);
    await page.waitForSelector('.documents table[data-searched]');
    const rows = async (before: string) => {
      await page.waitForFunction(
        (seen) => document.querySelector('.documents table')?.getAttribute('data-searched') !== seen,
        { timeout: 30_000 },
        before,
      );
      return page.$$eval('.documents tbody tr', (items) => items.map((row) => row.children[3]?.textContent));
    };
    const searched = () => page.$eval('.documents table', (table) => table.getAttribute('data-searched') ?? '');
    let before = await searched();
    await page.type('.filters input[name="subject"]', 'จัดซื้อ');
    // Typing searches as it goes: wait for the last letter's answer.
    await page.waitForFunction(
      () => [...document.querySelectorAll('.documents tbody tr')].every((row) => row.textContent?.includes('จัดซื้อ')),
      { timeout: 30_000 },
    );
    expect((await rows(before)).sort()).toEqual(['ขออนุมัติจัดซื้อวัสดุ', wanted].sort());
    before = await searched();
    await page.type('.filters input[name="organization"]', 'ลำพูน');
    await page.waitForFunction(() => document.querySelectorAll('.documents tbody tr').length === 1, {
      timeout: 30_000,
    });
    before = await searched();
    await page.select('.filters select[name="kind"]', 'MEMO');
    expect(await rows(before)).toEqual([wanted]);
    await page.screenshot({ path: join(screenshotsDir, 'studio-document-search.png') });
    before = await searched();
    await page.type('.thai-date[data-field="from"] .day', '1');
    await page.select('.thai-date[data-field="from"] .month', '4');
    await page.type('.thai-date[data-field="from"] .year', '2568');
    await page.waitForFunction(() => document.querySelectorAll('.documents tbody tr').length === 0, {
      timeout: 30_000,
    });
    await page.select('.thai-date[data-field="from"] .month', '3');
    await page.waitForSelector(`.documents tbody tr[data-id="${id}"]`, { timeout: 30_000 });

    // Opened, the form holds what the document says; a save carries its version.
    await page.click(`.documents tbody tr[data-id="${id}"] a`);
    await page.waitForSelector(`.staff[data-document="${id}"]`, { timeout: 30_000 });
    expect(await page.$eval('[data-field="subject"] input', (input) => (input as HTMLInputElement).value)).toBe(wanted);
    const paragraphs = await page.$$eval('fieldset[data-field="body"] textarea[name="text"]', (areas) =>
      areas.map((area) => (area as HTMLTextAreaElement).value),
    );
    expect(paragraphs).toEqual(memo.body.map((block: { paragraph: { text: string } }) => block.paragraph.text));
    await page.type('[data-field="subject"] input', ' (แก้ไข)');
    await page.click('.staff .save');
    await page.waitForFunction(() => document.querySelector('.form-message')?.textContent?.includes('ฉบับที่ 2'), {
      timeout: 30_000,
    });
    const stored = await api<{ document: { subject: string; version: number; body: unknown[] } }>(
      'query ($id: ID!) { document(id: $id) { subject version body { __typename } } }',
      { id },
    );
    expect(stored.document).toMatchObject({ subject: `${wanted} (แก้ไข)`, version: 2 });
    expect(stored.document.body).toHaveLength(memo.body.length);

    // Someone else saves meanwhile: this page's next save is refused, and it says so.
    await api(
      'mutation ($id: ID!, $input: DocumentInput!) { updateDocument(id: $id, version: 2, input: $input) { version } }',
      {
        id,
        input: { ...memo, subject: 'แก้ไขโดยผู้อื่น' },
      },
    );
    await page.type('[data-field="subject"] input', ' อีกครั้ง');
    await page.click('.staff .save');
    await page.waitForSelector('.form-message.error', { timeout: 30_000 });
    expect(await page.$eval('.form-message', (message) => message.textContent)).toContain('มีผู้อื่นแก้ไขหนังสือนี้ไปก่อนแล้ว');
    await page.screenshot({ path: join(screenshotsDir, 'studio-document-stale.png') });
    const after = await api<{ document: { subject: string; version: number } }>(
      'query ($id: ID!) { document(id: $id) { subject version } }',
      { id },
    );
    expect(after.document).toEqual({ subject: 'แก้ไขโดยผู้อื่น', version: 3 });
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

    // The list for the text as it is now: while the completion is asked again after a keystroke, CodeMirror keeps
    // the previous list on screen, marked disabled, until the new one replaces it.
    const current = '.cm-tooltip-autocomplete:not(.cm-tooltip-autocomplete-disabled)';
    const completions = async (screenshot?: string) => {
      await page.waitForSelector(`${current} li`, { timeout: 30_000 });
      const labels = await page.$$eval(`${current} li .cm-completionLabel`, (items) =>
        items.map((item) => item.textContent),
      );
      if (screenshot) await page.screenshot({ path: join(screenshotsDir, screenshot) });
      await page.keyboard.press('Escape');
      return labels;
    };
    // Inside {{#with document}}, the document's fields the query selects; after a dot, the fields under it.
    // The dot typed while the list for "organization" is open, as a designer who reads the list types it.
    await typeAtEnd(page, 'template.hbs', '\n{{#with document}}{{organization');
    await page.waitForSelector(`${current} li`, { timeout: 30_000 });
    await page.keyboard.type('.');
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

  test('the layout panel measures the print page by page and marks what an edit changed', async () => {
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin);
    await page.goto(`${origin}/#/templates/external-letter`);
    // Chosen before the first print answers: only the latest request's answer is shown.
    await page.waitForSelector('.preview select');
    await page.select('.preview select', 'examples/highest-recipient.json');
    const measured = async (printed: number) => {
      const state = await nextPreview(page, printed);
      await page.waitForSelector(`.preview[data-measured="${state.printed}"]`, { timeout: 30_000 });
      const pages = await page.$$eval('.layout-panel tbody tr', (rows) =>
        rows.map((row) =>
          Object.fromEntries(
            [...row.querySelectorAll('td')].map((cell) => [
              cell.dataset.measure,
              { text: cell.firstChild?.textContent ?? '', changed: cell.classList.contains('changed') },
            ]),
          ),
        ),
      );
      const count = await page.$eval('.layout-summary', (summary) => Number((summary as HTMLElement).dataset.pages));
      return { ...state, pages, count };
    };
    const first = await measured(0);
    expect(first.count).toBe(1);
    const [only] = first.pages;
    expect(Number.parseFloat(only?.typeSize?.text ?? '')).toBeCloseTo(16, 0);
    const [top, right, , left] = (only?.margins?.text ?? '').split(' / ').map(Number);
    expect([left, right]).toEqual([3, 2]);
    expect(top).toBeGreaterThan(1);
    expect(only?.overflowing?.text).toBe('0');

    // Larger body text that may break anywhere: the size and the words broken across lines show, marked as changed.
    await typeAtEnd(page, 'style.css', '\n.body p { font-size: 20pt; word-break: break-all; }\n');
    const broken = await measured(first.printed);
    const [page1] = broken.pages;
    expect(Number.parseFloat(page1?.typeSize?.text ?? '')).toBeCloseTo(20, 0);
    expect(page1?.typeSize?.changed).toBe(true);
    expect(Number(page1?.brokenWords?.text)).toBeGreaterThan(0);
    expect(page1?.brokenWords?.changed).toBe(true);
    await page.screenshot({ path: join(screenshotsDir, 'studio-layout-panel.png') });

    // Table cells whose text may not wrap: the words crossing the cells' rules are counted as overflowing.
    await page.goto(`${origin}/#/templates/report`);
    await page.waitForSelector('.preview select');
    await page.select('.preview select', 'examples/strategy-table.json');
    const table = await measured(0);
    expect(table.pages.map((each) => each.overflowing?.text)).toEqual(table.pages.map(() => '0'));
    await typeAtEnd(page, 'style.css', '\ntd, td * { white-space: nowrap !important; }\n');
    const overflow = await measured(table.printed);
    expect(Number(overflow.pages[0]?.overflowing?.text)).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotsDir, 'studio-layout-overflow.png') });
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
