import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPrinter } from '@saraban/print';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText } from '../../../test/support/poppler.js';
import { finishPdf, UnexpectedPdfError } from '../src/index.js';
import { pageObjects } from '../src/page-tree.js';
import { IncrementalUpdate, PdfFile, readStream, readTrailer } from '../src/pdf-objects.js';

let dir: string;
let printed: string;

/** A long report: justified Thai paragraphs over some 120 pages, a PDF of several hundred KiB. */
function reportHtml(): string {
  const paragraph = 'การดำเนินงานตามแผนงานประจำปีงบประมาณ เพื่อให้เป็นไปตามนโยบายของหน่วยงานภาครัฐ '.repeat(4);
  const body = Array.from({ length: 480 }, (_, index) => `<p>${index + 1}. ${paragraph}</p>`).join('');
  return `<!doctype html><html lang="th"><head><style>
    body { font: 16pt sans-serif; } p { text-align: justify; text-justify: inter-character; }
  </style></head><body>${body}</body></html>`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saraban-finishing-thread-'));
  printed = join(dir, 'printed.pdf');
  const printer = await launchPrinter({ poolSize: 1 });
  try {
    await printer.printToFile({ html: reportHtml() }, printed);
  } finally {
    await printer.close();
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** How many times the event loop turned while `work` ran. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let turning = true;
  const turn = () => {
    turns++;
    if (turning) setImmediate(turn);
  };
  setImmediate(turn);
  try {
    return { result: await work(), turns };
  } finally {
    turning = false;
  }
}

describe('finishing a long document', () => {
  it('runs off the event loop, which keeps turning meanwhile, and finishes the file as on the main thread', async () => {
    const file = join(dir, 'report.pdf');
    await copyFile(printed, file);
    expect((await stat(file)).size).toBeGreaterThan(256 * 1024);

    const { result, turns } = await turnsDuring(() => finishPdf(file, { title: 'รายงานผล' }));

    // Finished on the calling thread, the loop would not turn once before the promise settles.
    expect(turns).toBeGreaterThan(1);
    const pdf = await readFile(file);
    expect(result).toEqual({ pages: expect.any(Number), bytes: pdf.byteLength });
    const { fields, stderr } = await pdfInfo(pdf);
    expect(stderr).toBe('');
    expect(fields.get('Title')).toBe('รายงานผล');
    expect(Number(fields.get('Pages'))).toBe(result.pages);
    expect(result.pages).toBeGreaterThan(20);
    // The word text is there: justified words read whole.
    expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain('480. การดำเนินงานตามแผนงานประจำปีงบประมาณ');
  });

  it('rejects with the error the thread met, as its own class', async () => {
    const file = join(dir, 'odd.pdf');
    await copyFile(printed, file);
    PdfFile.using(file, (pdf) => {
      const trailer = readTrailer(pdf);
      const content = Number(/\/Contents (\d+) 0 R/.exec(pageObjects(pdf, trailer).at(-1)?.dictionary ?? '')?.[1]);
      const update = new IncrementalUpdate(pdf, trailer);
      update.addStream(content, Buffer.concat([Buffer.from('2 Tw\n'), readStream(pdf, trailer, content)]));
      update.finish();
    });

    const finishing = finishPdf(file, {});
    await expect(finishing).rejects.toBeInstanceOf(UnexpectedPdfError);
    await expect(finishing).rejects.toThrow(/operator "Tw"/);
    await expect(finishPdf(join(dir, 'missing.pdf'), {})).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
