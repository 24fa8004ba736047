import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toThaiDigits } from '@saraban/thai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from './support/document-text.js';
import { compact, firstMissingInOrder, type PdfReading, readPdf } from './support/pdf.js';
import { pngHeader } from './support/png-header.js';
import { pdfOutline, pdfPageSizes } from './support/poppler.js';
import { readExample, startTestServer, type TestServer } from './support/saraban.js';

const run = promisify(execFile);
const CREATE = 'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }';
const RENDER = 'mutation ($id: ID!) { renderDocument(id: $id) { url pages warnings } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

interface Printed {
  pdf: PdfReading;
  /** Each page's width and height in points, from pdfinfo. */
  sizes: { width: number; height: number }[];
  /** pdfimages -list: each embedded image's page, width and height in pixels. */
  images: { page: number; width: number; height: number }[];
  warnings: string[];
}

/** Stores the input, renders it, downloads the PDF and reads it with poppler: text, fonts, page sizes, images. */
async function print(input: DocumentJson): Promise<Printed> {
  const created = await server.graphql(CREATE, { input });
  expect(created.errors).toBeUndefined();
  const rendered = await server.graphql(RENDER, { id: created.data.createDocument.id });
  expect(rendered.errors).toBeUndefined();
  const response = await fetch(`${server.url}${rendered.data.renderDocument.url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const dir = await mkdtemp(join(tmpdir(), 'saraban-agency-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, bytes);
    const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '999', file]);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((match) => ({
      width: Number(match[1]),
      height: Number(match[2]),
    }));
    const { stdout: list } = await run('pdfimages', ['-list', file]);
    const images = list
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/))
      .map((columns) => ({ page: Number(columns[0]), width: Number(columns[3]), height: Number(columns[4]) }));
    return { pdf: await readPdf(bytes), sizes, images, warnings: rendered.data.renderDocument.warnings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const orientation = ({ width, height }: { width: number; height: number }) =>
  width > height ? 'landscape' : 'portrait';

/** The first line of a page's text, its spaces left out: where the page number prints. */
const firstLine = (page: string) => compact(page.split('\n').find((line) => line.trim() !== '') ?? '');

describe('a report with a cover, a portrait narrative, a landscape measure table and two charts, as one PDF', () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print({ ...readExample('report', 'ita-analysis-report.json'), template: 'report' });
  });

  test('the cover, three portrait pages, the landscape measures plan, then the signature back in portrait', () => {
    expect(printed.sizes.map(orientation)).toEqual(['portrait', 'portrait', 'portrait', 'landscape', 'portrait']);
    for (const size of printed.sizes) {
      // A4 either way up.
      expect([Math.round(size.width), Math.round(size.height)].sort()).toEqual([595, 842]);
    }
  });

  test('the cover holds its title lines, the fiscal year, the organization lines and the month, and no page number', () => {
    const cover = printed.pdf.pages[0] ?? '';
    expect(
      firstMissingInOrder(cover, [
        'แบบรายงาน',
        'รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส',
        'ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)',
        'ประจำปีงบประมาณ พ.ศ. ๒๕๖๕',
        'เทศบาลตำบลแม่ทา',
        'อำเภอแม่ทา จังหวัดลำพูน',
        'ตุลาคม ๒๕๖๕',
      ]),
    ).toBeUndefined();
    expect(cover).not.toMatch(/-\s*[๐-๙]+\s*-/);
  });

  test('pages are counted after the cover: the narrative starts at "- ๑ -", the landscape table is "- ๓ -"', () => {
    expect(printed.pdf.pages.map(firstLine)).toEqual(['แบบรายงาน', '-๑-', '-๒-', '-๓-', '-๔-']);
  });

  test("each chart's categories, series and values print as text in the document's digits, on the narrative's pages", () => {
    const [, first = '', second = ''] = printed.pdf.pages;
    expect(firstMissingInOrder(first, ['๑. ผลการประเมินภาพรวม', 'ปี ๒๕๖๔', 'ปี ๒๕๖๕', 'คะแนน'])).toBeUndefined();
    for (const label of ['IIT', 'EIT', 'OIT', 'เครื่องมือการประเมิน', '๘๔.๑๗', '๙๐.๓๑', '๗๙.๓', '๘๙.๓๒']) {
      expect(compact(first)).toContain(compact(label));
    }
    expect(compact(first)).toContain(compact('แผนภูมิที่ ๑ คะแนนตามเครื่องมือการประเมิน ปี ๒๕๖๔ และ ๒๕๖๕'));
    for (const label of ['การใช้อำนาจ', 'การใช้ทรัพย์สิน', '๙๕.๑๒', '๗๙.๕', '๘๔.๒๒', 'ผลการประเมินฉบับเต็ม']) {
      expect(compact(second)).toContain(compact(label));
    }
    // No Arabic digit anywhere but the QR code's URL, which is not printed as text.
    expect(printed.pdf.pages.join('')).not.toMatch(/[0-9]/);
  });

  test('the landscape page holds the section title and every measure, in order', () => {
    const landscape = printed.pdf.pages[3] ?? '';
    expect(
      firstMissingInOrder(compact(landscape), [
        compact('มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'),
        compact('ประเด็นที่ ๑ การใช้ทรัพย์สินของราชการ'),
        compact('ประเด็นที่ ๒ การป้องกันการทุจริต'),
      ]),
    ).toBeUndefined();
    expect(compact(printed.pdf.pages[4] ?? '')).toContain(compact('(นายสมชาย ใจดี)'));
  });

  test('every font is embedded: the chart labels print in the document face, not a system font', () => {
    expect(printed.pdf.fonts.length).toBeGreaterThan(0);
    for (const font of printed.pdf.fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name).toMatch(/Sarabun/);
    }
  });

  test('the organization has no emblem: the cover prints the placeholder and the warning names it and how to set one', () => {
    expect(printed.warnings).toEqual([
      expect.stringMatching(/^organization "เทศบาลตำบลแม่ทา" has no emblem: .*updateOrganization.*emblem/),
    ]);
  });
});

describe('an announcement with an annex after its signature', () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print({ ...readExample('announcement', 'service-standard-annex.json'), template: 'announcement' });
  });

  test('the announcement is signed on its portrait page; the annex starts a landscape page with its two-line title', () => {
    expect(printed.sizes.map(orientation)).toEqual(['portrait', 'landscape', 'landscape']);
    const [first = '', annex = ''] = printed.pdf.pages;
    expect(firstMissingInOrder(first, ['ประกาศเทศบาลตำบลแม่ทา', 'ประกาศ ณ วันที่', '(นายสมชาย ใจดี)'])).toBeUndefined();
    expect(first).not.toContain('รายละเอียดแนบท้าย');
    const lines = annex.split('\n').map((line) => line.trim());
    expect(lines).toContain('รายละเอียดแนบท้ายประกาศเทศบาลตำบลแม่ทา');
    expect(lines).toContain('เรื่อง มาตรฐานการให้บริการประชาชน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖');
    expect(compact(annex)).toContain(compact('การขออนุญาตก่อสร้างอาคาร'));
  });

  test('the image prints as its own pixels, with its caption and the QR code caption under it', () => {
    // At the official size the image fits under the annex's table; the QR code goes on to the next page.
    expect(printed.images).toEqual([{ page: 2, width: 480, height: 200 }]);
    expect(
      firstMissingInOrder(compact(printed.pdf.pages.slice(1).join('')), [
        compact('แผนผังขั้นตอนการให้บริการ: ยื่นคำขอ ตรวจสอบเอกสาร และแจ้งผล'),
        compact('คู่มือสำหรับประชาชนฉบับเต็ม'),
      ]),
    ).toBeUndefined();
  });
});

describe('blocks that cannot print as given are refused, naming the field', () => {
  const base = { kind: 'REPORT', subject: 'ทดสอบ', organization: { name: 'หน่วยงานทดสอบ' } };
  const refusal = async (block: DocumentJson) => {
    const created = await server.graphql(CREATE, { input: { ...base, body: [block] } });
    expect(created.errors?.length).toBe(1);
    return created.errors?.[0]?.message;
  };
  test('a chart series without a number for each category', async () => {
    const chart = { kind: 'LINE', categories: ['ก', 'ข', 'ค'], series: [{ name: 'x', values: [1, 2] }] };
    expect(await refusal({ chart })).toBe('input.body[0].chart.series[0].values: has 2 values for 3 categories');
  });

  test('a bar chart of two series (a grouped bar chart is meant)', async () => {
    const series = [
      { name: 'a', values: [1] },
      { name: 'b', values: [2] },
    ];
    expect(await refusal({ chart: { kind: 'BAR', categories: ['ก'], series } })).toMatch(
      /^input\.body\[0\]\.chart\.series: a BAR chart has one series \(got 2\); use GROUPED_BAR$/,
    );
  });

  test('a QR code too small to scan', async () => {
    expect(await refusal({ qrCode: { text: 'https://example.go.th', size: 0.5 } })).toBe(
      'input.body[0].qrCode.size: is 0.5 cm; give 1.5 to 10',
    );
  });

  test('an image that is not what its media type says, one over the pixel limit, an SVG with text', async () => {
    expect(await refusal({ image: { mediaType: 'image/jpeg', base64: pngHeader(10, 10) } })).toBe(
      'input.body[0].image.base64: is png, not the image/jpeg mediaType says',
    );
    expect(await refusal({ image: { mediaType: 'image/png', base64: pngHeader(6000, 5000) } })).toBe(
      'input.body[0].image.base64: 30000000 pixels (6000 x 5000); the limit (imagePixels) is 24000000',
    );
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>ก</text></svg>';
    expect(
      await refusal({ image: { mediaType: 'image/svg+xml', base64: Buffer.from(svg).toString('base64') } }),
    ).toMatch(
      /^input\.body\[0\]\.image\.base64: is an SVG with text, which would print in a font the PDF does not embed/,
    );
  });

  test('a heading at level 0, or larger than a cover title', async () => {
    expect(await refusal({ heading: { text: 'ก', level: 0 } })).toBe(
      'input.body[0].heading.level: must be 1 or more; got 0',
    );
    expect(await refusal({ heading: { text: 'ก', textSize: 72 } })).toBe(
      'input.body[0].heading.textSize: must be 8 to 40 points (got 72)',
    );
  });

  test('a period of two kinds, or one that ends before it starts; references as lines and as items', async () => {
    const report = async (input: DocumentJson) => {
      const created = await server.graphql(CREATE, { input: { ...base, body: [], ...input } });
      return created.errors?.[0]?.message;
    };
    expect(await report({ period: { month: '2022-10-01', words: 'ตลอดปี' } })).toBe(
      'input.period: give one of month, from and to, or words (got month, words)',
    );
    expect(await report({ period: { from: '2023-10-01', to: '2023-09-30' } })).toBe(
      'input.period.to: 2023-09-30 is in a month before from (2023-10-01)',
    );
    expect(await report({ references: ['ก'], referenceItems: [{ title: 'ข' }] })).toBe(
      'input.referenceItems: give references as lines or as items, not both',
    );
  });

  test('a row whose cells span more columns than its table has', async () => {
    const table = {
      columns: [{ label: 'ก' }, { label: 'ข' }],
      rows: [{ cells: [{ text: '1' }] }, { cells: [{ text: 'กว้าง', colspan: 2 }, { text: 'เกิน' }] }],
    };
    expect(await refusal({ table })).toBe('input.body[0].table.rows[1].cells: span 3 columns; the table has 2');
  });
});

describe('characters the document face lacks', () => {
  const survey = (text: string) => ({
    kind: 'REPORT',
    subject: 'แบบสำรวจความพึงพอใจ',
    organization: { name: 'หน่วยงานทดสอบ' },
    body: [{ paragraph: { text } }],
  });

  test('check boxes and pointing hands print in the embedded fallback face, named in the warnings, never a system font', async () => {
    const printed = await print(survey('☐ พอใจมาก ☐ พอใจ ☐ ไม่พอใจ ☞ โปรดระบุเหตุผล ✓'));
    expect(printed.warnings).toEqual([
      '"☐" (U+2610), "☞" (U+261E), "✓" (U+2713) are not in the document\'s face: drawn by the embedded fallback face Noto Sans Symbols 2.',
    ]);
    expect(compact(printed.pdf.pages.join(''))).toContain(compact('☐ พอใจมาก ☐ พอใจ ☐ ไม่พอใจ ☞ โปรดระบุเหตุผล ✓'));
    for (const font of printed.pdf.fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name, 'no system font').toMatch(/\+(Sarabun|NotoSansSymbols2)-/);
    }
    expect(printed.pdf.fonts.map((font) => font.name)).toContainEqual(expect.stringMatching(/NotoSansSymbols2/));
  });

  test('a character no embedded face draws is refused before printing, named with its code point', async () => {
    const created = await server.graphql(CREATE, { input: survey('ขั้นตอน ก → ข และ 中') });
    const rendered = await server.graphql(RENDER, { id: created.data.createDocument.id });
    expect(rendered.errors?.[0]?.message).toMatch(
      /^the document holds "→" \(U\+2192\), "中" \(U\+4E2D\), which no embedded face draws .*system font/,
    );
    expect(rendered.errors?.[0]?.extensions?.code).toBe('MISSING_GLYPHS');
  });
});

describe('a report with a line chart, a pie chart and an annex without page numbers', () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print({ ...readExample('report', 'complaints-summary.json'), template: 'report' });
  });

  test("the line chart's months and values, and the pie's slices with their counts, print as text", () => {
    const text = compact(printed.pdf.pages.join(''));
    for (const label of ['ต.ค.', 'ก.ย.', 'ปี๒๕๖๔', 'ปี๒๕๖๕', 'เรื่อง', 'ด้วยตนเอง', 'ไลน์ทางการ', '๒๑', '๑๓']) {
      expect(text).toContain(label);
    }
  });

  test('each annex starts a page; the one with pageNumbers false prints no number, the one before it does', () => {
    expect(printed.pdf.pages.map(firstLine)).toEqual([
      compact('สรุปผลการรับเรื่องร้องเรียนร้องทุกข์ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕'),
      '-๒-',
      compact('ภาคผนวก ข แบบฟอร์มร้องเรียนออนไลน์'),
    ]);
    expect(compact(printed.pdf.pages[1] ?? '')).toContain(compact('ภาคผนวก ก ช่องทางการร้องเรียน'));
  });
});

describe('renderBundle: a letter followed by its enclosure, as one PDF with a bookmark to each', () => {
  const BUNDLE = `mutation ($ids: [ID!]!, $title: String) {
    renderBundle(documentIds: $ids, title: $title) { url pages template cached documentId warnings }
  }`;
  const create = async (input: DocumentJson) => {
    const created = await server.graphql(CREATE, { input });
    expect(created.errors).toBeUndefined();
    return created.data.createDocument.id as string;
  };

  test('the pages of both in order, their orientations kept, a bookmark per document at its first page', async () => {
    const letter = readExample('external-letter', 'letter-to-agency.json');
    const report = readExample('report', 'ita-analysis-report.json');
    const ids = [
      await create({ ...letter, template: 'external-letter' }),
      await create({ ...report, template: 'report' }),
    ];
    const bundled = await server.graphql(BUNDLE, { ids });
    expect(bundled.errors).toBeUndefined();
    const bundle = bundled.data.renderBundle;
    expect(bundle).toMatchObject({ template: 'bundle', cached: false, documentId: ids[0] });
    const bytes = new Uint8Array(await (await fetch(`${server.url}${bundle.url}`)).arrayBuffer());
    const outline = await pdfOutline(bytes);
    expect(outline).toEqual([
      { title: toThaiDigits(letter.subject), page: 1 },
      { title: toThaiDigits(report.subject), page: expect.any(Number) },
    ]);
    const reportStart = outline[1]?.page ?? 0;
    const sizes = await pdfPageSizes(bytes);
    expect(sizes).toHaveLength(bundle.pages);
    // The report's five pages close the bundle, its landscape measures plan fourth of them.
    expect(bundle.pages - reportStart + 1).toBe(5);
    expect(sizes.map(orientation).slice(reportStart - 1)).toEqual([
      'portrait',
      'portrait',
      'portrait',
      'landscape',
      'portrait',
    ]);
    const pages = (await readPdf(bytes)).pages;
    expect(compact(pages[0] ?? '')).toContain(compact(letter.organization.name));
    expect(compact(pages[reportStart - 1] ?? '')).toContain('แบบรายงาน');
    // Asked again: the stored bundle, not a new print.
    const again = await server.graphql(BUNDLE, { ids });
    expect(again.data.renderBundle).toMatchObject({ url: bundle.url, cached: true });
  });

  test('no documents, or one that does not exist, are refused', async () => {
    const empty = await server.graphql(BUNDLE, { ids: [] });
    expect(empty.errors?.[0]?.message).toBe('a bundle joins at least one document');
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await server.graphql(BUNDLE, { ids: ['no-such-document'] });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('a report whose annexes number their own pages, with a centred title and numbered headings', () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print({ ...readExample('report', 'anti-corruption-report.json'), template: 'report' });
  });

  test('the cover, the report from "- ๑ -", then each annex from its own ๑ (not printed on its first page)', () => {
    expect(printed.sizes.map(orientation)).toEqual([
      'portrait',
      'portrait',
      'portrait',
      'portrait',
      'landscape',
      'landscape',
    ]);
    expect(printed.pdf.pages.map(firstLine)).toEqual([
      'รายงานผลการดำเนินงาน',
      '-๑-',
      'ภาคผนวกก',
      '-๒-',
      'ภาคผนวกข',
      '-๒-',
    ]);
  });

  test('numbered headings print ๑., ๒.๑ … in order; the centred title is numbered by nothing', () => {
    const body = printed.pdf.pages[1] ?? '';
    // The period the report covers, under its title and organization.
    expect(body.split('\n').map((line) => line.trim())).toContain('ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖');
    expect(
      firstMissingInOrder(compact(body), [
        'บทสรุปสำหรับผู้บริหาร',
        '๑.หลักการและเหตุผล',
        '๒.วัตถุประสงค์',
        '๒.๑เพื่อสร้างจิตสำนึก',
        '๒.๓เพื่อพัฒนาระบบ',
        '๓.ผลการดำเนินงาน',
        '๔.ปัญหาและข้อเสนอแนะ',
        '๔.๑ปัญหาอุปสรรค',
        '๔.๒ข้อเสนอแนะ',
      ]),
    ).toBeUndefined();
    const title = body.split('\n').find((line) => line.includes('บทสรุปสำหรับผู้บริหาร')) ?? '';
    expect(title.trim()).toBe('บทสรุปสำหรับผู้บริหาร');
  });

  test('every font is embedded', () => {
    for (const font of printed.pdf.fonts) expect(font.embedded, font.name).toBe(true);
  });
});

describe('a circular forwarding a ministry letter: structured references and enclosures, a contact block of four lines', () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print({ ...readExample('external-letter', 'circular-forward.json'), template: 'external-letter' });
  });

  test('the circular book number with ว, kept on one line', () => {
    // Its line holds the organization's name too, at the right.
    const lines = printed.pdf.pages[0]?.split('\n').map((line) => line.trim()) ?? [];
    expect(lines.find((line) => line.startsWith('ที่ '))).toMatch(/^ที่ ลพ ๐๐๒๓\.๓\/ว ๑๙๘๗\s+ศาลากลางจังหวัดลำพูน$/);
  });

  test('each enclosure starts its own line, numbered, its book number and date after its title, its count last', () => {
    const text = printed.pdf.pages[0] ?? '';
    const lines = text.split('\n').map(compact);
    expect(lines).toContain(compact('อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๐๙.๓/ว ๒๓๐๕ ลงวันที่ ๑๐ พฤษภาคม ๒๕๖๖'));
    expect(lines.findIndex((line) => line.startsWith(compact('สิ่งที่ส่งมาด้วย ๑. สำเนาหนังสือ')))).toBeGreaterThan(-1);
    for (const start of ['๒. แบบรายงานผลการเปิดเผยข้อมูลสาธารณะ', '๓. ปฏิทินการดำเนินการประเมิน']) {
      expect(
        lines.some((line) => line.startsWith(compact(start))),
        start,
      ).toBe(true);
    }
    expect(
      firstMissingInOrder(compact(text), [
        compact('ที่ มท ๐๘๐๙.๓/ว ๒๓๐๕ ลงวันที่ ๑๐ พฤษภาคม ๒๕๖๖ จำนวน ๑ ฉบับ'),
        compact('ส่วนท้องถิ่น ตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖ จำนวน ๑ ชุด'),
        compact('ภายในเดือนสิงหาคม ๒๕๖๖ จำนวน ๒ แผ่น'),
      ]),
    ).toBeUndefined();
  });

  test('the contact block: the unit, the section under it, โทร. and โทรสาร on one line, the e-mail', () => {
    const last = (printed.pdf.pages.at(-1) ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const unit = last.indexOf('สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด');
    expect(unit).toBeGreaterThan(-1);
    expect(last.slice(unit, unit + 4).map(compact)).toEqual([
      compact('สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด'),
      compact('กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น'),
      compact('โทร. ๐ ๕๓๕๑ ๑๔๑๑ โทรสาร ๐ ๕๓๕๑ ๑๔๑๒'),
      compact('ไปรษณีย์อิเล็กทรอนิกส์ lamphunlocal@dla.go.th'),
    ]);
  });

  test('portrait A4, every font embedded', () => {
    expect(printed.sizes.map(orientation)).toEqual(['portrait', 'portrait']);
    for (const font of printed.pdf.fonts) expect(font.embedded, font.name).toBe(true);
  });
});

describe("periods and letter items through the API, in the document's digits", () => {
  test("a cover's span of months, a report's period in words, an enclosure's count: as printed, Arabic digits", async () => {
    const created = await server.graphql(CREATE, {
      input: {
        kind: 'REPORT',
        subject: 'รายงาน',
        organization: { name: 'หน่วยงานทดสอบ' },
        digitStyle: 'ARABIC',
        period: { words: 'ภายในเดือนธันวาคม ๒๕๖๕' },
        cover: { titleLines: ['รายงาน'], period: { from: '2022-10-01', to: '2023-09-30' } },
        enclosureItems: [{ title: 'แบบรายงาน', date: '2023-01-10', count: 2, unit: 'ฉบับ' }],
        body: [],
      },
    });
    expect(created.errors).toBeUndefined();
    const read = await server.graphql(
      `query ($id: ID!) { document(id: $id) {
        period { words text } cover { period { from to text } }
        enclosures enclosureItems { title date count text countText }
      } }`,
      { id: created.data.createDocument.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.document).toEqual({
      period: { words: 'ภายในเดือนธันวาคม ๒๕๖๕', text: 'ภายในเดือนธันวาคม 2565' },
      cover: { period: { from: '2022-10-01', to: '2023-09-30', text: 'ตุลาคม 2565 – กันยายน 2566' } },
      enclosures: ['แบบรายงาน ลงวันที่ 10 มกราคม 2566 จำนวน 2 ฉบับ'],
      enclosureItems: [
        {
          title: 'แบบรายงาน',
          date: '2023-01-10',
          count: 2,
          text: 'แบบรายงาน ลงวันที่ 10 มกราคม 2566',
          countText: 'จำนวน 2 ฉบับ',
        },
      ],
    });
  });
});
