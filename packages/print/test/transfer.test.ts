import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText } from '../../../test/support/poppler.js';
import { CHROMIUM_ARGS, defaultChromiumPath, launchPrinter, PDF_OPTIONS, type Printer } from '../src/index.js';
import { pdfFitsInReply } from '../src/pdf-transfer.js';

// A small document's PDF comes in Chromium's reply to the print command, a long one's as a stream
// (printing-page.ts). Either way the printer's file must begin with the very bytes puppeteer's page.pdf gives.

let printer: Printer;
let browser: Browser;
let userDataDir: string;

beforeAll(async () => {
  printer = await launchPrinter({ poolSize: 1 });
  userDataDir = await mkdtemp(join(tmpdir(), 'saraban-pdf-test-chromium-'));
  browser = await puppeteer.launch({
    executablePath: defaultChromiumPath(),
    userDataDir,
    args: [...CHROMIUM_ARGS],
    pipe: true,
  });
});

afterAll(async () => {
  await printer?.close();
  await browser?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/** The PDF puppeteer's page.pdf prints for `html` on a new tab of a Chromium of the test's own. */
async function puppeteerPdf(html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf(PDF_OPTIONS);
  } finally {
    await page.close();
  }
}

/** The PDF as Latin-1 text with its dates (the second they were printed in) left out. */
const withoutDates = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .replace(/\(D:\d{14}[^)]*\)/g, '(D:)');

// The background and the margins the page size leaves are part of what the print options decide.
const styled = (css: string, body: string) =>
  `<!doctype html><html><head><style>${css} body { background: #eee }</style></head><body>${body}</body></html>`;

const longBody = Array.from(
  { length: 2_000 },
  (_, line) => `<p>line ${line}: the long document's PDF is streamed from Chromium into its file.</p>`,
).join('');

describe("the printer's PDF is the one page.pdf gives for the same HTML", () => {
  // Over 128 Ki characters of HTML (or 4 MiB of images), the PDF is streamed rather than sent in the print's reply.
  it.each([
    ['a small document with no page size (A4)', '', 'A SMALL DOCUMENT', '', false, '595.92 x 841.92 pts (A4)'],
    [
      'a small document in A5 landscape',
      '@page { size: A5 landscape }',
      'A5 LANDSCAPE',
      '',
      false,
      '594.96 x 420 pts (A5)',
    ],
    ['a long document, streamed', '', 'A LONG DOCUMENT', longBody, true, '595.92 x 841.92 pts (A4)'],
  ])('%s', async (_name, css, text, more, streamed, pageSize) => {
    const html = styled(css, `<p>${text}</p>${more}`);
    expect(html.length > 128 * 1024).toBe(streamed);
    const expected = await puppeteerPdf(html);
    const { pdf } = await printer.print({ html });
    expect(withoutDates(pdf).startsWith(withoutDates(expected))).toBe(true);
    expect(await pdfText(pdf)).toContain(text);
    const { fields } = await pdfInfo(pdf);
    // Chromium rounds the page to whole CSS pixels.
    expect(fields.get('Page size')).toBe(pageSize);
    expect(fields.get('Tagged')).toBe('yes');
  });
});

describe('which PDFs come in the reply', () => {
  const page = '<!doctype html><html lang="th"><body><p>บันทึกข้อความ</p></body></html>';
  const large = new Uint8Array(400 * 1024);

  it('does not count the fonts a page may load: its PDF embeds only the glyphs the text draws', () => {
    // The memo's assets hold a 373 KiB fallback face of symbols: its 43 KiB PDF comes in the reply.
    const fonts = new Map([
      ['https://assets.example.invalid/symbols.woff2', { contentType: 'font/woff2', body: large }],
    ]);
    expect(pdfFitsInReply(page, fonts)).toBe(true);
  });

  it("comes in the reply with an agency's emblem, not with many MiB of images or a long document", () => {
    const emblem = new Map([['https://assets.example.invalid/emblem.png', { contentType: 'image/png', body: large }]]);
    expect(pdfFitsInReply(page, emblem)).toBe(true);
    const photos = new Map([
      [
        'https://assets.example.invalid/photos.png',
        { contentType: 'image/png', body: new Uint8Array(5 * 1024 * 1024) },
      ],
    ]);
    expect(pdfFitsInReply(page, photos)).toBe(false);
    expect(pdfFitsInReply(styled('', longBody), new Map())).toBe(false);
  });
});
