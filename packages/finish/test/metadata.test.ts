import { launchPrinter, type Printer } from '@saraban/print';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText } from '../../../test/support/poppler.js';
import { printFinished } from './print-finished.js';

let printer: Printer;

beforeAll(async () => {
  printer = await launchPrinter({ poolSize: 1 });
});

afterAll(async () => {
  await printer?.close();
});

/** The /Lang of the newest catalog in the file (poppler's tools do not show it). */
function catalogLang(pdf: Uint8Array): string | undefined {
  const text = Buffer.from(pdf).toString('latin1');
  const catalogs = [...text.matchAll(/<<\/Type \/Catalog[\s\S]*?\nendobj/g)];
  const lang = /\/Lang (?:\(([^)]*)\)|<FEFF([0-9A-F]*)>)/.exec(catalogs.at(-1)?.[0] ?? '');
  if (!lang) return undefined;
  return (
    lang[1] ??
    Buffer.from(lang[2] ?? '', 'hex')
      .swap16()
      .toString('utf16le')
  );
}

const pageBreak = '<div style="break-before: page"></div>';

describe('PDF metadata', () => {
  it('writes the title, author and subject of the job', async () => {
    const { pdf } = await printFinished(printer, {
      html: '<!doctype html><html lang="th-TH"><head><title>page title</title></head><body><p>BODY</p></body></html>',
      title: 'บันทึกข้อความ (ขออนุมัติ)',
      author: 'กองคลัง',
      subject: 'ขออนุมัติจัดซื้อ',
    });
    const { fields, stderr } = await pdfInfo(pdf);

    expect(stderr).toBe('');
    expect(fields.get('Title')).toBe('บันทึกข้อความ (ขออนุมัติ)');
    expect(fields.get('Author')).toBe('กองคลัง');
    expect(fields.get('Subject')).toBe('ขออนุมัติจัดซื้อ');
    expect(fields.get('Tagged')).toBe('yes');
    expect(catalogLang(pdf)).toBe('th-TH');
    expect(await pdfText(pdf)).toContain('BODY');
  });

  it("keeps the page's <title> and <html lang> when the job names neither", async () => {
    const { pdf } = await printFinished(printer, {
      html: '<!doctype html><html lang="en"><head><title>page title</title></head><body>x</body></html>',
    });

    expect((await pdfInfo(pdf)).fields.get('Title')).toBe('page title');
    expect(catalogLang(pdf)).toBe('en');
  });

  it('declares Thai when the page names no language', async () => {
    const { pdf } = await printFinished(printer, { html: '<!doctype html><html><body>x</body></html>' });

    expect(catalogLang(pdf)).toBe('th');
    expect((await pdfInfo(pdf)).stderr).toBe('');
  });

  it('gives identical bytes for identical jobs with a fixed creation date', async () => {
    const job = {
      html: '<!doctype html><html lang="th"><body><p>SAME</p></body></html>',
      title: 'เรื่องเดียวกัน',
      createdAt: new Date('2025-01-02T03:04:05Z'),
    };
    const first = await printFinished(printer, job);
    const second = await printFinished(printer, job);

    expect(Buffer.from(second.pdf).equals(first.pdf)).toBe(true);
    expect((await pdfInfo(first.pdf)).fields.get('CreationDate')).toBe('2025-01-02T03:04:05Z');
  });
});

describe('page count', () => {
  it.each([1, 3, 40])('counts %i pages as pdfinfo does', async (pages) => {
    const html = `<!doctype html><html><body>${Array.from({ length: pages }, (_, i) => `<p>PAGE ${i + 1}</p>`).join(pageBreak)}</body></html>`;
    const result = await printFinished(printer, { html, title: 'นับหน้า' });

    expect(result.pages).toBe(pages);
    expect(Number((await pdfInfo(result.pdf)).fields.get('Pages'))).toBe(pages);
  });

  it('takes the paper size from the CSS @page, A4 without one', async () => {
    const a5 = await printFinished(printer, { html: '<style>@page { size: A5 }</style><p>A5</p>' });
    const plain = await printFinished(printer, { html: '<p>A4</p>' });

    expect((await pdfInfo(a5.pdf)).fields.get('Page size')).toMatch(/\(A5\)/);
    expect((await pdfInfo(plain.pdf)).fields.get('Page size')).toMatch(/\(A4\)/);
  });
});
