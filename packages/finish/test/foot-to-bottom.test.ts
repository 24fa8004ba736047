import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPrinter, type Printer } from '@saraban/print';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cm, type Line, type PageLayout, readLayout, withoutSpaces } from '../../../test/support/layout.js';
import { pdfText } from '../../../test/support/poppler.js';
import { finishPdfFile } from '../src/index.js';

let printer: Printer;
let dir: string;

beforeAll(async () => {
  printer = await launchPrinter({ poolSize: 1 });
  dir = await mkdtemp(join(tmpdir(), 'saraban-foot-'));
});

afterAll(async () => {
  await printer?.close();
  await rm(dir, { recursive: true, force: true });
});

// A letter's page: a body, a signature, the foot (an <aside>, justified, with a <nobr> the word-text pass reads
// across), a mark positioned at the top (painted after the flow), then an annex on a page of its own.
const html = `<!doctype html><html lang="th"><head><style>
  @page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
  body { margin: 0; font: 16pt/2 sans-serif; }
  p { margin: 0; text-align: justify; text-justify: inter-character; }
  .mark { position: absolute; top: 0; right: 0; color: red; }
  .annex { break-before: page; }
</style></head><body>
  <p>ด้วยองค์การบริหารส่วนจังหวัดลำพูนขอเชิญประชุมคณะกรรมการ</p>
  <p style="padding-left: 8cm">(นายอนุสรณ์ วงศ์วรรณ)</p>
  <aside><p>กองการเจ้าหน้าที่</p><p>โทร. <nobr>๐ ๕๓๕๑ ๑๐๐๐</nobr> ต่อ ๑๑๐</p><p>สำเนาส่ง สำนักงานจังหวัดลำพูน</p></aside>
  <div class="mark">ด่วนที่สุด</div>
  <p class="annex">ภาคผนวก</p>
</body></html>`;

function lineWith(page: PageLayout, text: string): Line {
  const line = page.lines.find((candidate) => withoutSpaces(candidate.text).includes(withoutSpaces(text)));
  if (!line) throw new Error(`no line holds "${text}"`);
  return line;
}

describe('footAtBottom', () => {
  it("moves the last top-level <aside> down to the bottom of its page's area, and nothing else", async () => {
    const printed = join(dir, 'printed.pdf');
    await printer.printToFile({ html }, printed);
    const [asPrinted, moved] = [join(dir, 'as-printed.pdf'), join(dir, 'moved.pdf')];
    await copyFile(printed, asPrinted);
    await copyFile(printed, moved);
    finishPdfFile(asPrinted, {});
    expect(finishPdfFile(moved, { footAtBottom: true }).pages).toBe(2);
    const [before, after] = [await readFile(asPrinted), await readFile(moved)];
    const [pagesBefore, pagesAfter] = [await readLayout(before), await readLayout(after)];
    const [page, annex] = pagesAfter as [PageLayout, PageLayout];
    const pageBefore = pagesBefore[0] as PageLayout;

    // The foot, before: right under the signature; after: its last line's box on the bottom margin (Chromium's page
    // area ends within 0.3 pt of it), its glyph box above it by half the leading its line pitch leaves, its left edge
    // and its line spacing as printed.
    const foot = ['กองการเจ้าหน้าที่', 'โทร.๐๕๓๕๑๑๐๐๐ต่อ๑๑๐', 'สำเนาส่งสำนักงานจังหวัดลำพูน'];
    const last = lineWith(page, foot[2] as string);
    expect(lineWith(pageBefore, foot[2] as string).yMax).toBeLessThan(page.height / 2);
    const pitch = last.yMin - lineWith(page, foot[1] as string).yMin;
    const halfLeading = (pitch - (last.yMax - last.yMin)) / 2;
    expect(halfLeading).toBeGreaterThan(1);
    expect(last.yMax + halfLeading).toBeCloseTo(page.height - cm(2), 0);
    const shift = last.yMax - lineWith(pageBefore, foot[2] as string).yMax;
    for (const text of foot) {
      const [was, is] = [lineWith(pageBefore, text), lineWith(page, text)];
      expect(is.xMin, text).toBeCloseTo(was.xMin, 2);
      expect(is.yMin - was.yMin, text).toBeCloseTo(shift, 2);
    }
    // Everything else where it printed: the body, the signature, the positioned mark, the annex's page.
    for (const text of ['ด้วยองค์การบริหารส่วนจังหวัด', '(นายอนุสรณ์ วงศ์วรรณ)', 'ด่วนที่สุด']) {
      expect(lineWith(page, text), text).toEqual(lineWith(pageBefore, text));
    }
    expect(annex).toEqual(pagesBefore[1]);
    // The words read as before, in the same order (the room above the foot aside): the foot still reads after the
    // signature.
    const lines = async (pdf: Uint8Array) => (await pdfText(pdf)).replace(/\n+/g, '\n');
    expect(await lines(after)).toBe(await lines(before));
  });
});
