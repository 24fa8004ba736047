import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPrinter, type Printer } from '@saraban/print';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterizePage } from '../../../test/support/layout.js';
import { firstNotAsWritten, readTextLikePdfium, readTextLikePdfJs } from '../../../test/support/pdf.js';
import { pdfInfo, pdfText } from '../../../test/support/poppler.js';
import { forEachOperation } from '../src/content-stream.js';
import { finishPdfFile } from '../src/index.js';
import { pageObjects } from '../src/page-tree.js';
import { PdfFile, readStream, readTrailer } from '../src/pdf-objects.js';
import { printFinished } from './print-finished.js';

let printer: Printer;

beforeAll(async () => {
  printer = await launchPrinter({ poolSize: 1 });
});

afterAll(async () => {
  await printer?.close();
});

/** A page whose words' letters stand `spacing` apart, as justification spreads a Thai line's letters. */
function spacedPage(spacing: string): string {
  return `<!doctype html><html lang="en"><body style="font: 16px sans-serif">
    <p style="letter-spacing: ${spacing}">Spread letters read whole</p><p>Plain words stay</p></body></html>`;
}

/** The operators of each page's content, as the finished file has it. */
async function pageOperators(pdf: Uint8Array): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-word-text-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return PdfFile.using(file, (source) => {
      const trailer = readTrailer(source);
      return pageObjects(source, trailer).map((page) => {
        const operators: string[] = [];
        for (const [, number] of page.dictionary.matchAll(/\/Contents\s*(\d+) 0 R/g)) {
          const stream = readStream(source, trailer, Number(number)).toString('latin1');
          forEachOperation(
            stream,
            (operation) => operators.push(operation.operator),
            () => false,
          );
        }
        return operators;
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What was appended to the file Chromium wrote: the text after its first end-of-file marker. */
function appended(source: string): string {
  return source.slice(source.indexOf('%%EOF'));
}

describe('word text', () => {
  it('reads words whose letters stand apart as written; the title and the new content are one update', async () => {
    const { pdf } = await printFinished(printer, { html: spacedPage('2.5px'), title: 'Spread' });
    const text = await pdfText(pdf);

    // 2.5 px at 16 px is 0.16 em: without the word text, poppler reads "S p r e a d".
    expect(text).toContain('Spread letters read whole');
    expect(text).toContain('Plain words stay');
    // pdf.js ignores the word text and reads a gap over 0.102 em as a space: the words are drawn magnified for it.
    expect((await readTextLikePdfJs(pdf)).join('')).toBe('Spread letters read whole\nPlain words stay');
    // The title and the rewritten content stream are one incremental update after Chromium's file.
    const source = Buffer.from(pdf).toString('latin1');
    expect(source.match(/%%EOF/g)).toHaveLength(2);
    expect(appended(source)).toMatch(/ stream\n/);
    const { fields, stderr } = await pdfInfo(pdf);
    expect(stderr).toBe('');
    expect(fields.get('Title')).toBe('Spread');
  });

  it('reads a spread word whole across the sections of its inline elements, which stay nested', async () => {
    // Chromium's tagged PDF makes each inline element (the <nobr> that keeps a Thai word on one line) a marked-content
    // section of its own, between two text objects: the word's text must run across them.
    const html = `<!doctype html><html lang="en"><body style="font: 16px sans-serif">
      <p style="letter-spacing: 2.5px">Spr<nobr>ead</nobr><nobr>ing</nobr> letters read whole</p></body></html>`;
    const { pdf } = await printFinished(printer, { html, title: 'Sections' });
    expect(await pdfText(pdf)).toContain('Spreading letters read whole');
    const { stderr } = await pdfInfo(pdf);
    expect(stderr).toBe('');
    // Marked content nests, and no section or span crosses a text object's edge.
    for (const operators of await pageOperators(pdf)) {
      const open: boolean[] = [];
      let inText = false;
      for (const operator of operators) {
        if (operator === 'BT' || operator === 'ET') {
          expect(inText).toBe(operator === 'ET');
          inText = operator === 'BT';
        } else if (operator === 'BDC' || operator === 'BMC') open.push(inText);
        else if (operator === 'EMC') expect(open.pop()).toBe(inText);
      }
      expect(open).toEqual([]);
    }
  });

  it('draws the page exactly as Chromium did, every pixel', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'saraban-word-text-'));
    try {
      const printed = join(dir, 'printed.pdf');
      const finished = join(dir, 'finished.pdf');
      await printer.printToFile({ html: spacedPage('2.5px') }, printed);
      await copyFile(printed, finished);
      finishPdfFile(finished, { title: 'Same' });
      const before = await rasterizePage(new Uint8Array(await readFile(printed)), 1, 150);
      const after = await rasterizePage(new Uint8Array(await readFile(finished)), 1, 150);
      expect(Buffer.compare(Buffer.from(after.rgb), Buffer.from(before.rgb))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads Thai clusters whole in PDFium (Chrome's viewer) too, every pixel as Chromium drew it", async () => {
    // A word ending in a mark before a space (ทั้งนี้ ตั้งแต่), a cluster with its own span (จัดทำ), and a word whose
    // halves are underlined one after the other (two inline elements).
    const typed = 'ส่วนราชการ ทั้งนี้ ตั้งแต่บัดนี้ จัดทำรายงาน ดังนี้ (เอกสาร) ปี และ ประเด็นดำเนินการ';
    // Lines of a paragraph (PDFium reads a page of one line as a column: a letter a line).
    const html = `<!doctype html><html lang="th"><body style="font: 21px Laksaman; width: 9cm">
      <p>ส่วนราชการ ทั้งนี้ ตั้งแต่บัดนี้ จัดทำรายงาน ดังนี้ (เอกสาร) ปี และ <u>ประเด็น<span>ดำเนินการ</span></u></p>`;
    const dir = await mkdtemp(join(tmpdir(), 'saraban-word-text-'));
    try {
      const printed = join(dir, 'printed.pdf');
      const finished = join(dir, 'finished.pdf');
      await printer.printToFile({ html }, printed);
      await copyFile(printed, finished);
      finishPdfFile(finished, { title: 'ไทย' });
      const pdf = new Uint8Array(await readFile(finished));
      // As Chromium wrote it, PDFium read "ทั้งทั้นี้ นี้ตั้งตั้แต่", "จัดทำ รายงาน", "ประเด็นดำ เนินการ".
      expect(
        firstNotAsWritten((await readTextLikePdfium(pdf, { top: 0, bottom: 0 })).join(''), [typed]),
      ).toBeUndefined();
      expect(firstNotAsWritten(await pdfText(pdf), [typed])).toBeUndefined();
      const before = await rasterizePage(new Uint8Array(await readFile(printed)), 1, 150);
      const after = await rasterizePage(pdf, 1, 150);
      expect(Buffer.compare(Buffer.from(after.rgb), Buffer.from(before.rgb))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves a page without spread words as Chromium wrote it', async () => {
    const { pdf } = await printFinished(printer, { html: spacedPage('0'), title: 'Plain' });
    const source = Buffer.from(pdf).toString('latin1');

    // Only the title is appended.
    expect(source.match(/%%EOF/g)).toHaveLength(2);
    expect(appended(source)).not.toMatch(/ stream\n/);
    expect(await pdfText(pdf)).toContain('Spread letters read whole');
  });
});
