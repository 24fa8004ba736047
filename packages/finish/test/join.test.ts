import { launchPrinter, type Printer } from '@saraban/print';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfOutline, pdfPageSizes, pdfText } from '../../../test/support/poppler.js';
import { joinPdfs } from '../src/index.js';
import { printFinished } from './print-finished.js';

let printer: Printer;

beforeAll(async () => {
  printer = await launchPrinter({ poolSize: 1 });
});

afterAll(async () => {
  await printer?.close();
});

const page = (text: string, size = 'A4') =>
  `<!DOCTYPE html><html><head><style>@page { size: ${size} }</style></head><body><p>${text}</p></body></html>`;

describe('joinPdfs', () => {
  it('puts the parts one after another, each page as it was, with a bookmark to each part in order', async () => {
    const letter = await printFinished(printer, { html: `${page('letter page 1')}` });
    const enclosure = await printFinished(printer, {
      html: page('enclosure<div style="break-before: page">enclosure page 2</div>', 'A4 landscape'),
    });
    const joined = await joinPdfs(
      [
        { pdf: letter.pdf, title: 'หนังสือนำส่ง' },
        { pdf: enclosure.pdf, title: 'สิ่งที่ส่งมาด้วย ๑' },
      ],
      { title: 'หนังสือนำส่งและสิ่งที่ส่งมาด้วย', createdAt: new Date('2026-01-02T03:04:05Z') },
    );
    expect((await pdfText(joined)).split('\f').map((text) => text.trim())).toEqual([
      'letter page 1',
      'enclosure',
      'enclosure page 2',
      '',
    ]);
    expect((await pdfPageSizes(joined)).map(({ width, height }) => width > height)).toEqual([false, true, true]);
    expect(await pdfOutline(joined)).toEqual([
      { title: 'หนังสือนำส่ง', page: 1 },
      { title: 'สิ่งที่ส่งมาด้วย ๑', page: 2 },
    ]);
    const { fields, stderr } = await pdfInfo(joined);
    expect(fields.get('Title')).toBe('หนังสือนำส่งและสิ่งที่ส่งมาด้วย');
    expect(stderr).toBe('');
    // The same parts and date give the same bytes.
    const again = await joinPdfs(
      [
        { pdf: letter.pdf, title: 'หนังสือนำส่ง' },
        { pdf: enclosure.pdf, title: 'สิ่งที่ส่งมาด้วย ๑' },
      ],
      { title: 'หนังสือนำส่งและสิ่งที่ส่งมาด้วย', createdAt: new Date('2026-01-02T03:04:05Z') },
    );
    expect(Buffer.from(again).equals(Buffer.from(joined))).toBe(true);
  });
});
