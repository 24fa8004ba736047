import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPrinter, type Printer, type PrintJob } from '@saraban/print';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cm, type PageLayout, readLayout, withoutSpaces } from '../../../test/support/layout.js';
import { readPdf } from '../../../test/support/pdf.js';
import { finishPdfFile, UnexpectedPdfError } from '../src/index.js';
import { pageObjects } from '../src/page-tree.js';
import { IncrementalUpdate, PdfFile, readStream, readTrailer } from '../src/pdf-objects.js';

let printer: Printer;
let prints = 0;
let dir: string;

beforeAll(async () => {
  printer = await launchPrinter({ poolSize: 1 });
  dir = await mkdtemp(join(tmpdir(), 'saraban-continuation-'));
});

afterAll(async () => {
  await printer?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Prints `job` into a new file in `dir`, counting the prints. */
async function printed(job: PrintJob, name: string): Promise<string> {
  const file = join(dir, name);
  prints++;
  await printer.printToFile(job, file);
  return file;
}

/** A letter of `pages` pages whose paragraphs open with the given texts, justified as letters are. */
function letterHtml(paragraphs: readonly string[]): string {
  const body = paragraphs
    .map((text, index) => `<p${index === 0 ? '' : ' style="break-before: page"'}>${text}</p>`)
    .join('');
  return `<!doctype html><html lang="th"><head><style>
    @page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
    body { margin: 0; font: 16pt sans-serif; }
    p { margin: 0; text-align: justify; text-justify: inter-character; }
  </style></head><body>${body}</body></html>`;
}

const filler = 'การดำเนินงานตามแผนงานประจำปี '.repeat(12);

/** The continuation line of a page: in the bottom margin, "/…...". */
function continuationLine(page: PageLayout) {
  return page.lines.find((line) => line.yMin >= page.height - cm(2) && /^\/.+\.\.\.$/.test(line.text));
}

describe('continuation lines', () => {
  it('stamps "/", the next page\'s first words and "..." at the right margin, with no print of its own', async () => {
    prints = 0;
    const file = await printed(
      {
        html: letterHtml([
          `ที่ ลพ ๕๑๐๐๙/๑๒๓ ${filler}`,
          `๒. กองการเจ้าหน้าที่ได้ดำเนินการตามนโยบาย ${filler}`,
          `เพื่อโปรดพิจารณา ${filler}`,
        ]),
      },
      'letter.pdf',
    );
    const { pages } = finishPdfFile(file, { title: 'หนังสือ', continuation: {} });
    const layout = await readLayout(await readFile(file));

    expect(prints).toBe(1);
    expect(pages).toBe(3);
    const lines = layout.map(continuationLine);
    expect(lines[2]).toBeUndefined();
    for (const [index, line] of lines.slice(0, 2).entries()) {
      expect(line, `page ${index + 1}`).toBeDefined();
      expect(Math.abs((line?.xMax ?? 0) - cm(19))).toBeLessThanOrEqual(cm(0.1));
      const next = (layout[index + 1] as PageLayout).lines.find((candidate) => candidate.yMin >= cm(2.5) - 1);
      const words = withoutSpaces((line?.text ?? '').slice(1, -3));
      expect(words.length).toBeGreaterThan(3);
      expect(withoutSpaces(next?.text ?? '').startsWith(words), `page ${index + 1}: ${line?.text}`).toBe(true);
    }
    // Whole words, spaced as written, even though justification spreads the next page's letters.
    expect(lines[0]?.text).toBe('/๒. กองการเจ้าหน้าที่ได้...');
    expect(lines[1]?.text).toBe('/เพื่อโปรดพิจารณา การ...');
  });

  it('draws "/" and "." with a font of its own when the document never draws them', async () => {
    const file = await printed({ html: letterHtml([`สวัสดี ${filler}`, `ขอบคุณมาก ${filler}`]) }, 'no-punctuation.pdf');
    finishPdfFile(file, { continuation: {} });
    const pdf = await readFile(file);

    // poppler reads the glyphs of a Type 3 font as words of their own: "/ ขอบคุณมาก การดำเนินงาน ...".
    const line = continuationLine((await readLayout(pdf))[0] as PageLayout);
    expect(withoutSpaces(line?.text ?? '')).toBe('/ขอบคุณมากการดำเนินงาน...');
    expect(Math.abs((line?.xMax ?? 0) - cm(19))).toBeLessThanOrEqual(cm(0.1));
    // pdffonts: "[none] Type 3 …".
    expect((await readPdf(pdf)).fonts).toContainEqual(expect.objectContaining({ type: 'Type' }));
  });

  it('refuses a content stream with an operator it does not read, naming it', async () => {
    const file = await printed({ html: letterHtml([`หน้าแรก ${filler}`, `หน้าสอง ${filler}`]) }, 'odd.pdf');
    // Character spacing, which Chromium never writes, before everything page 2 draws.
    PdfFile.using(file, (pdf) => {
      const trailer = readTrailer(pdf);
      const page = pageObjects(pdf, trailer)[1];
      const content = Number(/\/Contents (\d+) 0 R/.exec(page?.dictionary ?? '')?.[1]);
      const update = new IncrementalUpdate(pdf, trailer);
      update.addStream(content, Buffer.concat([Buffer.from('0.5 Tc\n'), readStream(pdf, trailer, content)]));
      update.finish();
    });

    // Every page is read, letter or not.
    expect(() => finishPdfFile(file, {})).toThrow(UnexpectedPdfError);
    expect(() => finishPdfFile(file, {})).toThrow(/operator "Tc"/);
  });
});
