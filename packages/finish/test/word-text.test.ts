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

/** A page whose words' letters stand `spacing` apart, as justification spreads a Thai line's letters. */
function spacedPage(spacing: string): string {
  return `<!doctype html><html lang="en"><body style="font: 16px sans-serif">
    <p style="letter-spacing: ${spacing}">Spread letters read whole</p><p>Plain words stay</p></body></html>`;
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
    // The title and the rewritten content stream are one incremental update after Chromium's file.
    const source = Buffer.from(pdf).toString('latin1');
    expect(source.match(/%%EOF/g)).toHaveLength(2);
    expect(appended(source)).toMatch(/ stream\n/);
    const { fields, stderr } = await pdfInfo(pdf);
    expect(stderr).toBe('');
    expect(fields.get('Title')).toBe('Spread');
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
