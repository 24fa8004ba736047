import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  actingWord,
  circularBookNumber,
  closingFor,
  formatDayRange,
  formatMonthRange,
  formatPeriod,
  formatThaiDate,
  letterItemText,
  measureFieldLabel,
  type Period,
  salutationFor,
  toArabicDigits,
  toThaiDigits,
} from '@saraban/thai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bodyTextItems, stripMarkup } from './support/document-text.js';
import {
  compact,
  firstMissingInOrder,
  firstNotAsWritten,
  type PdfReading,
  readPdf,
  readTextColumn,
  runningText,
  withoutContinuationLine,
} from './support/pdf.js';
import { pdfPageSizes } from './support/poppler.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';

const run = promisify(execFile);
const CREATE = `mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }`;
const RENDER = `mutation ($id: ID!) { renderDocument(id: $id) { url pages warnings } }`;

// biome-ignore lint/suspicious/noExplicitAny: a DocumentInput read from an example's JSON, indexed as the file has it.
type ExampleInput = Record<string, any>;

/** Every example of every template package: [template, file name]. */
const allExamples = readdirSync(templatesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .flatMap((entry) =>
    readdirSync(join(templatesDir, entry.name, 'examples'))
      .filter((file) => file.endsWith('.json'))
      .map((file) => [entry.name, file] as const),
  )
  .sort();

/** Every example but the memo's (its own test covers them). */
const examples = allExamples.filter(([template]) => template !== 'memo');

/** Examples whose tables run over pages: the repeated-header check must not pass for want of a page break. */
const multiPageTables = new Set(['nacc-calendar.json', 'hr-progress-table.json', 'measure-results.json']);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

interface PrintedExample {
  input: ExampleInput;
  pdf: PdfReading;
  bytes: Uint8Array;
  /** The pages' running text (page numbers left out). */
  text: string;
}
const printedExamples = new Map<string, Promise<PrintedExample>>();

/** Each example printed once: the first call prints it, later calls share the result. */
function printExample(template: string, file: string): Promise<PrintedExample> {
  const key = `${template}/${file}`;
  let printing = printedExamples.get(key);
  if (!printing) {
    printing = createAndPrint(template, file);
    printedExamples.set(key, printing);
  }
  return printing;
}

/** Creates the document by mutation, renders it, downloads the PDF by its URL and reads it. */
async function createAndPrint(template: string, file: string): Promise<PrintedExample> {
  const input: ExampleInput = JSON.parse(readFileSync(join(templatesDir, template, 'examples', file), 'utf8'));
  const created = await server.graphql(CREATE, { input: { ...input, template } });
  expect(created.errors).toBeUndefined();
  const rendered = await server.graphql(RENDER, { id: created.data.createDocument.id });
  expect(rendered.errors).toBeUndefined();
  // An example without an emblem prints the placeholder, and says so; nothing else is warned about.
  const warnings: string[] = rendered.data.renderDocument.warnings;
  expect(
    warnings.filter((warning) => !warning.includes(`organization "${input.organization.name}" has no emblem`)),
  ).toEqual([]);
  const response = await fetch(`${server.url}${rendered.data.renderDocument.url}`);
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const pdf = await readPdf(bytes);
  expect(pdf.pages.length).toBe(rendered.data.renderDocument.pages);
  return { input, pdf, bytes, text: runningText(pdf.pages) };
}

/** The text with its digits in the document's style, except in `literal` spans (and URLs, which stay as typed). */
function inDocumentDigits(text: string, digitStyle: string | undefined): string {
  const convert = digitStyle === 'ARABIC' ? toArabicDigits : toThaiDigits;
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : convert(part)))
    .join('');
}

/** Text as the document prints it: digits in the document's style, markup removed. */
function printed(text: string, input: ExampleInput): string {
  return stripMarkup(inDocumentDigits(text, input.digitStyle));
}

/** The body with every string in the document's digits (markup kept, for bodyTextItems to remove). */
function printedBody(input: ExampleInput): ExampleInput[] {
  return inDocumentDigitsDeep(input.body, input);
}

function inDocumentDigitsDeep<T>(value: T, input: ExampleInput): T {
  return JSON.parse(JSON.stringify(value), (_key, item) =>
    typeof item === 'string' ? inDocumentDigits(item, input.digitStyle) : item,
  );
}

/**
 * A measure table read as the table it prints: its columns, a group row per group, then a row per measure whose
 * cells hold the fields the columns name (the period as its printed month range).
 */
function measureTableAsTable(measureTable: ExampleInput, input: ExampleInput): ExampleInput {
  const digits = input.digitStyle === 'ARABIC' ? 'ARABIC' : 'THAI';
  const columns =
    measureTable.columns ?? ['TITLE', 'STEPS', 'OWNER', 'PERIOD', 'RESULT', 'SUGGESTION'].map((field) => ({ field }));
  const paragraphs = (value: unknown) =>
    (Array.isArray(value) ? value : value ? [value] : []).map((text: string) => ({ paragraph: { text } }));
  const period = ({ start, end, exact, text }: ExampleInput) =>
    text ?? (exact ? formatDayRange(start, end, { digits }) : formatMonthRange(start, end, { digits }));
  const cell = (measure: ExampleInput, column: ExampleInput) => {
    switch (column.field) {
      case 'PERIOD':
        return paragraphs(measure.period && period(measure.period));
      case 'DEADLINE':
        return paragraphs(measure.deadline && formatThaiDate(measure.deadline, { style: 'short', digits }));
      case 'STEPS':
        return measure.stepBlocks ?? paragraphs(measure.steps);
      case 'RESULT':
        return measure.resultBlocks ?? paragraphs(measure.result);
      case 'OUTCOME':
        return measure.outcomeBlocks ?? paragraphs(measure.outcome);
      case 'MONITORING':
        return measure.monitoring ?? [];
      case 'CUSTOM':
        return paragraphs(measure.custom?.find((text: ExampleInput) => text.key === column.key)?.text);
      case 'BUDGET':
        // Printed as a figure with บาท: read by table-settings.test.ts.
        return [];
      default:
        return paragraphs(measure[column.field.toLowerCase()]);
    }
  };
  return {
    columns: columns.map((column: ExampleInput) => ({
      label: column.label ?? measureFieldLabel(column.field),
      width: column.width ?? null,
      widthCm: column.widthCm ?? null,
      share: column.share ?? null,
    })),
    rows: measureTable.groups.flatMap((group: ExampleInput) => [
      ...(group.title ? [{ group: group.title }] : []),
      ...group.measures.map((measure: ExampleInput) => ({
        cells: columns.map((column: ExampleInput) => ({ blocks: cell(measure, column) })),
      })),
    ]),
  };
}

/** The document's tables, measure tables read as tables, in the document's digits. */
function tablesOf(input: ExampleInput): ExampleInput[] {
  const tables = input.body.flatMap((block: ExampleInput) =>
    block.table ? [block.table] : block.measureTable ? [measureTableAsTable(block.measureTable, input)] : [],
  );
  return inDocumentDigitsDeep(tables, input);
}

/**
 * The body's text items that run the full width of the page, in order: everything but table cells. pdftotext
 * reads a table's columns side by side, line by line, so cells are checked column by column instead. Group rows
 * span the table and are read here.
 */
function fullWidthItems(input: ExampleInput): string[] {
  return printedBody(input).flatMap((block) => {
    const table =
      block.table ??
      (block.measureTable && { rows: block.measureTable.groups.map((g: ExampleInput) => ({ group: g.title })) });
    return table
      ? table.rows.filter((row: ExampleInput) => row.group).map((row: ExampleInput) => stripMarkup(row.group))
      : bodyTextItems([block]);
  });
}

/**
 * One table's cells, column by column: the text items of each column's cells, top to bottom. A cell stands in the
 * first column no cell above covers with its rowspan.
 */
function columnItems(table: ExampleInput): string[][] {
  const columns: string[][] = table.columns.map(() => []);
  let covered: number[] = table.columns.map(() => 0);
  for (const row of table.rows) {
    const next = covered.map((rows) => Math.max(0, rows - 1));
    let column = 0;
    for (const cell of row.cells ?? []) {
      while ((covered[column] ?? 0) > 0) column++;
      const blocks = cell.blocks ?? [{ paragraph: { text: cell.text ?? '' } }];
      // A cell spanning columns is read with neither.
      if ((cell.colspan ?? 1) === 1) columns[column]?.push(...bodyTextItems(blocks));
      for (let c = column; c < column + (cell.colspan ?? 1); c++) next[c] = (cell.rowspan ?? 1) - 1;
      column += cell.colspan ?? 1;
    }
    covered = row.group ? covered.map((rows) => Math.max(0, rows - 1)) : next;
  }
  return columns;
}

// The text column as base.css sets it: 3 cm from the left edge, 2 cm from the right, on portrait or landscape A4.
const POINTS_PER_CM = 72 / 2.54;
const TEXT_LEFT_CM = 3;
const TEXT_RIGHT_CM = 2;

/** The first page's width and height in points, from pdfinfo. */
async function pageSize(file: string): Promise<{ width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [file]);
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout) ?? [];
  return { width: Number(width), height: Number(height) };
}

/**
 * Each column's share of the table in percent: its percent, its centimetres of the text column, or its share of what
 * those leave (one share each for columns that set nothing).
 */
function columnWidths(table: ExampleInput, textWidthCm: number): number[] {
  const given: (number | null)[] = table.columns.map((column: ExampleInput) =>
    column.width != null ? column.width : column.widthCm != null ? (column.widthCm / textWidthCm) * 100 : null,
  );
  const used = given.reduce<number>((sum, width) => sum + (width ?? 0), 0);
  const shares = table.columns.map((column: ExampleInput, index: number) =>
    given[index] === null ? (column.share ?? 1) : 0,
  );
  const totalShares = shares.reduce((sum: number, share: number) => sum + share, 0) || 1;
  return given.map((width, index) => width ?? ((100 - used) * (shares[index] ?? 0)) / totalShares);
}

/** The text of each page within one table column's left and right edges, read by pdftotext with a crop box. */
async function columnPages(bytes: Uint8Array, table: ExampleInput, column: number): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-columns-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, bytes);
    const page = await pageSize(file);
    const textWidthCm = page.width / POINTS_PER_CM - TEXT_LEFT_CM - TEXT_RIGHT_CM;
    const widths = columnWidths(table, textWidthCm);
    const start = widths.slice(0, column).reduce((sum, width) => sum + width, 0);
    const left = (TEXT_LEFT_CM + (textWidthCm * start) / 100) * POINTS_PER_CM;
    const width = ((textWidthCm * (widths[column] ?? 0)) / 100) * POINTS_PER_CM;
    const crop = [
      '-x',
      String(Math.round(left + 1)),
      '-y',
      '0',
      '-W',
      String(Math.round(width - 2)),
      '-H',
      String(Math.round(page.height)),
    ];
    const { stdout } = await run('pdftotext', ['-layout', ...crop, file, '-']);
    return stdout.split('\f').slice(0, -1).map(withoutContinuationLine);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The page number line at the top of a page, "- ๒ -", whole or cut by a column's crop box ("๒ -"). */
const PAGE_NUMBER = /^\s*-?\s*[0-9๐-๙]+\s*-?[ \t]*\n/;

/** The page each item is found on, searching the items in order over the pages. */
function pageOfEachItem(pages: string[], items: string[]): number[] {
  const pageEnds: number[] = [];
  let total = 0;
  for (const page of pages) {
    total += compact(page).length;
    pageEnds.push(total);
  }
  const haystack = compact(pages.join(''));
  let position = 0;
  return items.map((item) => {
    const found = haystack.indexOf(compact(item), position);
    expect(found, item).toBeGreaterThanOrEqual(0);
    position = found + compact(item).length;
    return pageEnds.findIndex((end) => found < end);
  });
}

/** The signature as printed: "(full name)", then the lines under it. */
function signatureLines(input: ExampleInput): string[] {
  const signer = input.signer;
  if (!signer) return [];
  const lines = [`(${signer.title}${signer.givenName} ${signer.familyName})`, ...(signer.positions ?? [])];
  if (signer.acting) lines.push(actingWord(signer.acting.kind), signer.acting.position);
  return lines.map((line) => printed(line, input));
}

/**
 * A letter field of several entries: the label, then the entries, numbered "๑." when there is more than one. Given
 * as items, each is its description then its count ("จำนวน ๑ ชุด").
 */
function numberedField(
  label: string,
  lines: string[] | undefined,
  items: ExampleInput[] | undefined,
  input: ExampleInput,
): string[] {
  const digits = input.digitStyle === 'ARABIC' ? 'ARABIC' : 'THAI';
  const entries =
    items?.map((item) => {
      const period = item.period && periodOf(item.period);
      const { text, count } = letterItemText(
        { title: item.title, bookNumber: item.bookNumber, date: item.date, period, count: item.count, unit: item.unit },
        digits,
      );
      return count ? `${text} ${count}` : text;
    }) ?? lines;
  if (!entries?.length) return [];
  const numbered = entries.map((entry, index) =>
    entries.length > 1 ? `${printed(String(index + 1), input)}. ${entry}` : entry,
  );
  return [label, ...numbered.map((entry) => printed(entry, input))];
}

/** A PeriodInput as formatPeriod takes it: its kind from the fields it gives. */
function periodOf(period: ExampleInput): Period {
  if (period.month) return { kind: 'MONTH', month: period.month };
  if (period.words) return { kind: 'WORDS', words: period.words };
  return { kind: 'MONTHS', from: period.from, to: period.to };
}

/** The period a report prints under its title, if it gives one. */
function periodText(input: ExampleInput): string[] {
  const digits = input.digitStyle === 'ARABIC' ? 'ARABIC' : 'THAI';
  return input.period ? [formatPeriod(periodOf(input.period), { digits })] : [];
}

/** The book number as printed: a circular's with ว before its running number. */
function bookNumberOf(input: ExampleInput): string {
  return input.circular ? circularBookNumber(input.bookNumber) : input.bookNumber;
}

/** The contact block at the bottom left of a letter. */
function contactLines(input: ExampleInput): string[] {
  const contact = input.contact;
  if (!contact) return [];
  // โทร. and โทรสาร share a line.
  const lines = [
    contact.unit,
    contact.subUnit,
    [contact.phone && `โทร. ${contact.phone}`, contact.fax && `โทรสาร ${contact.fax}`].filter(Boolean).join(' '),
    contact.email && `ไปรษณีย์อิเล็กทรอนิกส์ ${contact.email}`,
  ];
  return lines.filter((line): line is string => !!line).map((line) => printed(line, input));
}

/** What each kind prints, top to bottom, around and with its full-width body text (formats.md, "Kinds of document"). */
function partsInOrder(template: string, input: ExampleInput): string[] {
  const digits = input.digitStyle === 'ARABIC' ? 'ARABIC' : 'THAI';
  const date = (era: boolean) => (input.date ? [formatThaiDate(input.date, { style: 'full', era, digits })] : []);
  const subject = printed(input.subject, input);
  const body = fullWidthItems(input);
  const signature = signatureLines(input);
  switch (template) {
    case 'announcement':
      return [
        `ประกาศ${input.organization.name}`,
        `เรื่อง ${subject}`,
        ...body,
        ...date(true).map((text) => `ประกาศ ณ วันที่ ${text}`),
        ...signature,
      ];
    case 'order':
      return [
        `คำสั่ง${input.organization.name}`,
        `ที่ ${printed(input.bookNumber, input)}`,
        `เรื่อง ${subject}`,
        ...body,
        ...date(true).map((text) => `สั่ง ณ วันที่ ${text}`),
        ...signature,
      ];
    case 'external-letter':
    case 'internal-letter': {
      const external = template === 'external-letter';
      const recipientClass = input.recipient.class ?? 'GENERAL';
      return [
        ...(input.bookNumber ? [`ที่ ${printed(bookNumberOf(input), input)}`] : []),
        input.organization.name,
        ...(external ? (input.organization.addressLines ?? []).map((line: string) => printed(line, input)) : []),
        ...date(false),
        `เรื่อง ${subject}`,
        `${salutationFor(recipientClass)} ${input.recipient.name}`,
        ...numberedField('อ้างถึง', input.references, input.referenceItems, input),
        ...numberedField('สิ่งที่ส่งมาด้วย', input.enclosures, input.enclosureItems, input),
        ...body,
        ...(external ? [input.closing ?? closingFor(recipientClass)] : []),
        ...signature,
        ...contactLines(input),
        ...(input.copiesTo?.length ? ['สำเนาส่ง', ...input.copiesTo] : []),
      ];
    }
    case 'report':
      return [subject, input.organization.name, ...periodText(input), ...body, ...signature];
    default:
      return [subject, ...body, ...signature];
  }
}

describe.each(examples)('%s example %s', (template, file) => {
  let example: PrintedExample;

  beforeAll(async () => {
    example = await printExample(template, file);
  });

  test('the parts of its kind and the body text outside tables, in order, in the document digits', () => {
    const { input, text } = example;
    expect(fullWidthItems(input).length).toBeGreaterThan(0);
    expect(firstMissingInOrder(text, partsInOrder(template, input))).toBeUndefined();
    expect(compact(text)).toContain(compact(printed(input.subject, input)));
  });

  test('no Thai digit in an Arabic-digit document; Arabic digits in a Thai one only in addresses and literals', () => {
    const { input, text } = example;
    if (input.digitStyle === 'ARABIC') {
      expect(text).not.toMatch(/[๐-๙]/);
      return;
    }
    // What may keep Arabic digits, from the input: addresses and literal spans. pdftotext may cut an address at a
    // line end, so each run of Latin characters holding a digit must be part of one of them.
    const json = JSON.stringify(input);
    const exempt = [
      ...[...json.matchAll(/(?:https?:\/\/|www\.)[^\s"]+|[^\s"]+@[^\s"]+/g)].map((match) => match[0]),
      ...[...json.matchAll(/`([^`]*)`/g)].map((match) => compact(match[1] ?? '')),
    ];
    const latinRuns = (text.match(/[!-~]*[0-9][!-~]*/g) ?? []).map((run) =>
      run.replace(/^[("'<[]+|[)"'>\],.;:]+$/g, ''),
    );
    expect(latinRuns.filter((run) => !exempt.some((allowed) => allowed.includes(run)))).toEqual([]);
  });

  test('each table column holds its cells in order; the header row tops every page the table continues on', async () => {
    const { input, bytes } = example;
    const tables = tablesOf(input);
    if (multiPageTables.has(file)) expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const items = columnItems(table);
      const rawPages: string[][] = [];
      const runningPages: string[][] = [];
      for (const [column, cells] of items.entries()) {
        const pages = await columnPages(bytes, table, column);
        // A cell that breaks over a page reads on after the page number and the repeated header.
        const label = compact(stripMarkup(table.columns[column].label));
        const running = pages.map((page) => {
          const text = compact(page.replace(PAGE_NUMBER, ''));
          return text.startsWith(label) ? text.slice(label.length) : text;
        });
        expect(firstMissingInOrder(running.join(''), cells), `column ${column + 1}`).toBeUndefined();
        rawPages.push(pages);
        runningPages.push(running);
      }
      // The pages the rows are on, found by the column with the most text: short cells ("๑") match anywhere.
      const textOf = (cells: string[]) => cells.join('').length;
      const widest = items.reduce(
        (best, cells, column) => (textOf(cells) > textOf(items[best] ?? []) ? column : best),
        0,
      );
      const rowPages = pageOfEachItem(runningPages[widest] ?? [], items[widest] ?? []);
      const first = Math.min(...rowPages);
      const last = Math.max(...rowPages);
      if (multiPageTables.has(file)) expect(last).toBeGreaterThan(first);
      const label = compact(stripMarkup(table.columns[0].label));
      for (let page = first + 1; page <= last; page += 1) {
        const firstColumn = compact(rawPages[0]?.[page] ?? '');
        expect(firstColumn.startsWith(label), `page ${page + 1} begins "${label}"`).toBe(true);
      }
    }
  });

  test("each page's orientation (pdfinfo): the template's, and each section's or annex's on the page it starts", async () => {
    const { input, bytes, pdf } = example;
    const sizes = await pdfPageSizes(bytes);
    expect(sizes).toHaveLength(pdf.pages.length);
    const orientation = ({ width, height }: { width: number; height: number }) =>
      width > height ? 'LANDSCAPE' : 'PORTRAIT';
    // measure-report prints on A4 landscape; every other template on portrait.
    const base = template === 'measure-report' ? 'LANDSCAPE' : 'PORTRAIT';
    expect(orientation(sizes[0] as { width: number; height: number })).toBe(base);
    const sections: ExampleInput[] = [...(input.sections ?? []), ...(input.annexes ?? [])];
    for (const section of sections.filter((part) => part.title)) {
      const titleLine = compact(printed(section.title.split('\n')[0], input));
      const page = pdf.pages.findIndex((text) =>
        compact(withoutContinuationLine(text))
          .replace(/^-[๐-๙0-9]+-/, '')
          .startsWith(titleLine),
      );
      expect(page, section.title).toBeGreaterThan(0);
      expect(orientation(sizes[page] as { width: number; height: number }), section.title).toBe(
        section.orientation ?? 'PORTRAIT',
      );
    }
    // Without a landscape section, every page is the template's.
    if (!sections.some((section) => section.orientation === 'LANDSCAPE')) {
      expect(new Set(sizes.map(orientation))).toEqual(new Set([base]));
    }
  });

  test('only embedded Sarabun fonts', () => {
    const { fonts } = example.pdf;
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name, font.name).toMatch(/Sarabun/);
    }
  });
});

test('the HR policy announcement: sections ๑.–๖. with sub-items ๑.๑…, then "ประกาศ ณ วันที่" and the signature', async () => {
  const { text } = await printExample('announcement', 'policy-announcement.json');
  expect(
    firstMissingInOrder(text, [
      '๑. ด้านการวางแผนอัตรากำลัง',
      '๑.๑ มีการแต่งตั้ง',
      '๖. ด้านการส่งเสริมคุณธรรม',
      '๖.๕ จัดทำข้อบังคับ',
      'ทั้งนี้ ตั้งแต่บัดนี้ เป็นต้นไป',
      'ประกาศ ณ วันที่ ๑๐ มกราคม พ.ศ. ๒๕๖๖',
      '(นายอนุสรณ์ วงศ์วรรณ)',
      'นายกองค์การบริหารส่วนจังหวัดลำพูน',
    ]),
  ).toBeUndefined();
});

test('a letter to the highest class: กราบเรียน, ขอแสดงความนับถืออย่างยิ่ง, and the signer acting for the mayor', async () => {
  const { text } = await printExample('external-letter', 'highest-recipient.json');
  expect(
    firstMissingInOrder(text, [
      'ด่วน',
      'กราบเรียน นายกรัฐมนตรี',
      'จึงกราบเรียนมาเพื่อโปรดพิจารณา',
      'ขอแสดงความนับถืออย่างยิ่ง',
      '(นายวิทยา สะคำปิ่น)',
      'รองนายกองค์การบริหารส่วนจังหวัด รักษาราชการแทน',
      'นายกองค์การบริหารส่วนจังหวัดลำพูน',
    ]),
  ).toBeUndefined();
  // One enclosure is not numbered.
  expect(compact(text)).not.toContain(compact('๑. กำหนดการงานมหกรรม'));
});

test('an internal letter has no closing formula: the signature follows the body', async () => {
  const { text } = await printExample('internal-letter', 'publish-report.json');
  expect(firstMissingInOrder(text, ['จึงเรียนมาเพื่อโปรดดำเนินการ', '(นายพิชัย จาอาบาล)'])).toBeUndefined();
  expect(text).not.toContain('ขอแสดงความนับถือ');
});

describe.each(allExamples)('%s example %s read back', (template, file) => {
  // Issue #5: justification spreads a line's letters apart, up to 2.4 pt on a line followed by a long word; the
  // text must still read back as written, not "เพื่ อให้" or "ก า ร ว า ง แ ผ น".
  test('its body text outside tables reads back exactly as written, spaces included', async () => {
    const { input, bytes } = await printExample(template, file);
    expect(firstNotAsWritten(await readTextColumn(bytes), fullWidthItems(input))).toBeUndefined();
  });
});
