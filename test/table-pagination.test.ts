import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toThaiDigits } from '@saraban/thai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DocumentJson, stripMarkup } from './support/document-text.js';
import { type Box, cm, type PageLayout, readLayout } from './support/layout.js';
import { badBreaks } from './support/line-breaks.js';
import { readPdf } from './support/pdf.js';
import { type PageRules, readRules } from './support/rules.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';
import {
  bandText,
  bodyTables,
  cellLinePairs,
  comparable,
  headerText,
  inputRows,
  placeRows,
  type RowPlace,
  type TableOnPage,
  tableOnPage,
  wordsAcrossRules,
} from './support/table-print.js';

/** Every built-in example whose body holds a table or a measure table. */
function tableExamples(): { name: string; input: DocumentJson }[] {
  const found: { name: string; input: DocumentJson }[] = [];
  for (const entry of readdirSync(templatesDir, { withFileTypes: true })) {
    const dir = join(templatesDir, entry.name, 'examples');
    if (!entry.isDirectory() || entry.name.startsWith('_') || !existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const input = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      if (bodyTables(input.body).length > 0) {
        found.push({ name: `${entry.name}/${file}`, input: { ...input, template: entry.name } });
      }
    }
  }
  return found;
}

const LINE = 'การดำเนินงานตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ของหน่วยงานในสังกัด ให้เป็นไปตามเป้าหมายที่กำหนด ';

/** A report of a test organization with `body`. */
function testReport(subject: string, body: DocumentJson[]): DocumentJson {
  return { kind: 'REPORT', template: 'report', subject, organization: { name: 'หน่วยงานทดสอบ' }, body };
}

/**
 * A table made to stress pagination: one-, two- and three-line rows, group rows, a cell merged down six rows, and one
 * row forty times as long as the others, taller than any page.
 */
const stressTable: DocumentJson = {
  kind: 'REPORT',
  template: 'report',
  subject: 'ตารางทดสอบการแบ่งหน้า',
  organization: { name: 'หน่วยงานทดสอบ' },
  body: [
    { heading: { text: 'ตารางที่ ๑ ผลการดำเนินงาน' } },
    {
      table: {
        columns: [
          { label: 'ประเด็น', width: 22 },
          { label: 'รายละเอียด' },
          { label: 'คะแนน', width: 12, align: 'RIGHT', numeric: true },
        ],
        rows: [
          { group: '๑. กลุ่มแรก' },
          ...Array.from({ length: 14 }, (_, i) => ({
            cells: [{ text: `ประเด็นที่ ${i + 1}` }, { text: LINE.repeat(1 + (i % 3)) }, { text: `${(i * 7) % 100}.50` }],
          })),
          { group: '๒. เซลล์ผสานที่ข้ามหน้า' },
          {
            cells: [
              { text: 'กลุ่มตัวชี้วัดที่ผสานหกแถว', rowspan: 6, verticalAlign: 'MIDDLE' },
              { text: LINE.repeat(2) },
              { text: '5.00' },
            ],
          },
          ...Array.from({ length: 5 }, (_, i) => ({
            cells: [{ text: `ตัวชี้วัดย่อยที่ ${i + 2} ${LINE}` }, { text: '3.75' }],
          })),
          { group: '๓. แถวที่ยาวกว่าหนึ่งหน้า' },
          { cells: [{ text: 'แถวยาว' }, { text: LINE.repeat(40) }, { text: '10.00' }] },
          ...Array.from({ length: 3 }, (_, i) => ({
            cells: [{ text: `ข้อสรุปที่ ${i + 1}` }, { text: LINE.repeat(2) }, { text: '4.25' }],
          })),
          { group: '๔. เซลล์ผสานกลางแถว' },
          {
            cells: [{ text: 'ตัวชี้วัดกลางสามแถว', rowspan: 3, verticalAlign: 'MIDDLE' }, { text: LINE }, { text: '2.00' }],
          },
          ...Array.from({ length: 2 }, (_, i) => ({
            cells: [{ text: `ตัวชี้วัดสั้นที่ ${i + 2} ${LINE}` }, { text: '1.50' }],
          })),
        ],
      },
    },
  ],
};

/** The stress table for agencies that want denser tables: its rows may break across pages. */
const denseStressTable: DocumentJson = {
  ...stressTable,
  body: stressTable.body.map((block: DocumentJson) =>
    block.table ? { table: { ...block.table, settings: { rowsMayBreak: true } } } : block,
  ),
};

/**
 * Columns narrower than what they hold (issue 15): a web address and long Thai words wider than their cell, a
 * number, and Thai text that must wrap at word boundaries.
 */
const narrowColumns = testReport('ตารางคอลัมน์แคบ', [
  {
    table: {
      columns: [
        { label: 'ผู้รับผิดชอบ', width: 17 },
        { label: 'แหล่งข้อมูล', width: 23 },
        { label: 'รายละเอียดการดำเนินงาน' },
        { label: 'งบประมาณ', width: 21, align: 'RIGHT', numeric: true },
      ],
      rows: [
        {
          cells: [
            { text: 'สำนักปลัด (งานประชาสัมพันธ์)' },
            { text: 'https://itas.nacc.go.th/uploads/report/2566/q1.pdf' },
            { text: LINE.repeat(2) },
            { text: '12,500,000.00' },
          ],
        },
        {
          cells: [
            { text: 'ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ' },
            { text: 'https://www.example.go.th/qa' },
            { text: 'รายละเอียดปรากฏตามเอกสารที่แนบมาพร้อมนี้ จึงขอกราบเรียนเชิญร่วมงาน' },
            { text: '5,000' },
          ],
        },
      ],
    },
  },
]);

const cases = [
  ...tableExamples(),
  { name: 'stress table', input: stressTable },
  { name: 'stress table, rows may break', input: denseStressTable },
  { name: 'narrow columns', input: narrowColumns },
];

/** Pages each case printed on, by name: the dense stress table is compared with the other. */
const printedPages = new Map<string, number>();
/** The room left at the foot of every page a table runs off, summed, by name. */
const footRoom = new Map<string, number>();

/** Whether a body's tables let their rows break across pages. */
const rowsMayBreak = (input: DocumentJson) =>
  bodyTables(input.body).some((table: DocumentJson) => table.settings?.rowsMayBreak === true);

/** Every text of the input as printed: markup removed, digits in the document's style. */
function printedTexts(input: DocumentJson): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    // A date "2023-10-01" is data: it prints in words.
    if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const plain = stripMarkup(value);
      texts.push(input.digitStyle === 'ARABIC' ? plain : toThaiDigits(plain));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(input);
  return texts;
}

/** Two lines of 16 pt text at Word's single pitch (21.3 pt): a paragraph's fewest lines at a page foot. */
const TWO_LINES = cm(1.5);
/** The foot of the page's text column: formats.md's 2 cm bottom margin. */
const FOOT_MARGIN = cm(2);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe.each(cases)('tables of $name', ({ name, input }) => {
  let places: RowPlace[];
  let rules: PageRules[];
  let layout: PageLayout[];
  let tables: (TableOnPage | undefined)[];
  /** For each input row (inputRows' order): it prints on the page of the row after it (the API's keepWithNext). */
  let keptWithNext: boolean[];

  beforeAll(async () => {
    const created = await server.graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input,
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createDocument.id;
    const rendered = await server.graphql('mutation ($id: ID!) { renderDocument(id: $id) { url pages } }', { id });
    const view = await server.graphql(
      'query ($id: ID!) { document(id: $id) { body { __typename ... on Table { rows { keepWithNext } } } } }',
      { id },
    );
    expect(view.errors).toBeUndefined();
    const viewTables: { rows: { keepWithNext: boolean }[] }[] = view.data.document.body.filter(
      (block: DocumentJson) => block.__typename === 'Table',
    );
    expect(rendered.errors).toBeUndefined();
    const pdf = new Uint8Array(await (await fetch(`${server.url}${rendered.data.renderDocument.url}`)).arrayBuffer());
    const { pages } = await readPdf(pdf, { raw: true });
    layout = await readLayout(pdf);
    rules = await readRules(pdf);
    tables = rules.map((page, index) => tableOnPage(page, layout[index] as PageLayout));
    places = placeRows(inputRows(input.body), pages);
    printedPages.set(name, pages.length);
    // Body tables in order; measure tables keep no rows together.
    const plain = bodyTables(input.body).map((table) => (table.groups ? null : viewTables.shift()));
    const rows = inputRows(input.body);
    keptWithNext = rows.map((row, i) => {
      const index = rows.slice(0, i).filter((other) => other.table === row.table).length;
      return plain[row.table]?.rows[index]?.keepWithNext ?? false;
    });
    const split = places.filter((place) => !place.row.group && place.first !== place.last).length;
    let room = 0;
    for (const page of continuations().keys()) {
      const before = tables[page - 2] as TableOnPage;
      room += (layout[page - 2] as PageLayout).height - FOOT_MARGIN - Math.max(...before.rules);
    }
    footRoom.set(name, room);
    console.info(
      `${name}: ${pages.length} pages, ${places.length} rows, ${split} split, ${(room / cm(1)).toFixed(1)} cm left at feet`,
    );
  });

  /** Pages (1-based) where a table's rows go on from the page before. */
  const continuations = () => {
    const found = new Map<number, number>();
    for (let index = 1; index < places.length; index++) {
      const place = places[index] as RowPlace;
      const before = places[index - 1] as RowPlace;
      if (before.row.table === place.row.table && place.last > before.first) {
        for (let page = before.first + 1; page <= place.last; page++) found.set(page, place.row.table);
      }
    }
    return found;
  };

  test('the text of every cell prints, in order', () => {
    // placeRows throws on a cell's text it does not find after the one before.
    expect(places.length).toBe(inputRows(input.body).length);
  });

  /** On a page a table goes on to: the index of its full-width rule under the header, or -1 when none fits. */
  const headerBottom = (page: number, table: number): number => {
    const onPage = tables[page - 1];
    if (!onPage) return -1;
    const expected = headerText(bodyTables(input.body)[table] as DocumentJson);
    const [top = 0] = onPage.rules;
    return onPage.rules.findIndex(
      (bottom, index) => index > 0 && bandText(onPage, rules[page - 1] as PageRules, top, bottom) === expected,
    );
  };

  /** A continuation page's header height, and the height left under it for rows down to the text column's foot. */
  const pageRoom = (page: number, table: number) => {
    const onPage = tables[page - 1] as TableOnPage;
    const k = headerBottom(page, table);
    const header = (onPage.rules[k] as number) - (onPage.rules[0] as number);
    const foot = (layout[page - 1] as PageLayout).height - FOOT_MARGIN;
    return { header, available: foot - (onPage.rules[k] as number) };
  };

  test('the header row begins every page a table goes on to', () => {
    for (const [page, table] of continuations()) {
      expect(headerBottom(page, table), `page ${page}: no header row at the top`).toBeGreaterThan(0);
    }
  });

  test.skipIf(rowsMayBreak(input))('a row splits across pages only when it is taller than a page', () => {
    const split = places.filter((place) => !place.row.group && place.first !== place.last);
    for (const place of split) {
      const label = `row "${place.row.cells.flat()[0]}" on pages ${place.first}-${place.last}`;
      const { header, available } = pageRoom(place.last, place.row.table);
      // Its part on each page: from the rule above it to the closing rule, then under the header down to its end.
      const firstPage = (tables[place.first - 1] as TableOnPage).rules;
      let height = (firstPage.at(-1) as number) - (firstPage.at(-2) as number);
      for (let page = place.first + 1; page <= place.last; page++) {
        const onPage = (tables[page - 1] as TableOnPage).rules;
        const k = headerBottom(page, place.row.table);
        height +=
          (page === place.last ? (onPage[k + 1] as number) : (onPage.at(-1) as number)) -
          header -
          (onPage[0] as number);
      }
      expect(
        height,
        `${label}: ${(height / cm(1)).toFixed(1)} cm, a page holds ${(available / cm(1)).toFixed(1)} cm`,
      ).toBeGreaterThan(available - 2);
    }
    if (name === 'stress table') {
      // The one row forty times as long as the others, and no other.
      expect(split.map((place) => place.row.cells[0]?.[0])).toEqual(['แถวยาว']);
    }
  });

  test('a closing rule at the foot of every page a table runs off', () => {
    for (const page of continuations().keys()) {
      const onPage = tables[page - 2] as TableOnPage;
      const closing = Math.max(...onPage.rules);
      expect(
        closing,
        `page ${page - 1}: the column rules run below the last rule across the table`,
      ).toBeGreaterThanOrEqual(onPage.columnsEnd - 1);
      const lowest = Math.max(...onPage.words.map((word) => word.yMax));
      expect(lowest, `page ${page - 1}: text below the closing rule`).toBeLessThanOrEqual(closing + 1);
    }
  });

  test('no word crosses a column rule', () => {
    for (const [index, onPage] of tables.entries()) {
      if (!onPage) continue;
      expect(wordsAcrossRules(onPage, rules[index] as PageRules), `page ${index + 1}`).toEqual([]);
    }
  });

  // Judged by a dictionary other than the engine's (test/support/line-breaks.ts). On the first print with tables
  // (session 5) Chromium's own dictionary broke lines of cells inside words (ไม่ใช้งบ|ประมาณ ×9 in integrity-plan),
  // and a web address wider than its cell at any letter (www.example.go.t|h/manual).
  test('a cell\'s lines break between words: never inside a Thai word, an address only after a "/"', () => {
    const pairs = tables.flatMap((onPage, index) => (onPage ? cellLinePairs(onPage, rules[index] as PageRules) : []));
    expect(pairs.length).toBeGreaterThan(0);
    const bad = badBreaks(pairs, printedTexts(input));
    expect(bad.map(({ why, at }) => `${why}: ${at}`)).toEqual([]);
  });

  test('a page a table runs off leaves no more room at its foot than the next row needs', () => {
    for (const [page, table] of continuations()) {
      // A row split over the break fills the page; its rules are checked above.
      if (places.some((place) => place.first < page && place.last >= page && !place.row.group)) continue;
      // The first row that starts on the page: if it runs on over it, it is taller than a page.
      const nextIndex = places.findIndex((place) => place.first === page && !place.row.group);
      const next = places[nextIndex];
      const taller = next !== undefined && next.last > page;
      const before = tables[page - 2] as TableOnPage;
      const after = tables[page - 1] as TableOnPage;
      const k = headerBottom(page, table);
      const room = (layout[page - 2] as PageLayout).height - FOOT_MARGIN - Math.max(...before.rules);
      const rowTop = after.rules[k] as number;
      const firstBottom = after.rules[k + 1] ?? rowTop;
      // A group row goes with the row under it: both must have been too tall for the room.
      const inner = (rules[page - 1] as PageRules).vertical.filter(
        (rule) =>
          rule.xMin > after.left + 2 &&
          rule.xMax < after.right - 2 &&
          rule.yMin < firstBottom - 1 &&
          rule.yMax > rowTop + 1,
      );
      const group = inner.length === 0 ? firstBottom - rowTop : 0;
      const start = group > 0 ? firstBottom : rowTop;
      // The row's own foot: the first rule under it in any column (a merged cell cut into rows leaves its own column
      // open, the others close each row), or, for rows kept on one page with a merged cell over them, the first rule
      // across the whole table.
      const ownFoot = Math.min(
        ...(rules[page - 1] as PageRules).horizontal
          // A rule under a whole cell (a check box's sides are shorter).
          .filter((rule) => rule.xMax - rule.xMin > cm(0.8))
          .filter((rule) => rule.xMin >= after.left - 1 && rule.xMax <= after.right + 1 && rule.yMin > start + 1)
          .map((rule) => rule.yMin),
      );
      const kept = nextIndex >= 0 && keptWithNext[nextIndex] === true;
      const rowBottom = kept ? (after.rules.find((rule) => rule > start + 1) ?? ownFoot) : ownFoot;
      // A row taller than a page, or any row of a table whose rows may break, starts where it stands: the room left
      // is less than its first two lines (orphans) and the group row before it.
      const needed = taller || rowsMayBreak(input) ? group + TWO_LINES : rowBottom - rowTop;
      expect(
        room,
        `page ${page - 1}: ${(room / cm(1)).toFixed(1)} cm left at the foot; the next rows needed ${(needed / cm(1)).toFixed(1)} cm`,
      ).toBeLessThan(needed + 2);
    }
  });

  test('a group row never stands alone at a page foot: it goes with the row after it', () => {
    for (const [index, place] of places.entries()) {
      const next = places[index + 1];
      if (!place.row.group || !next || next.row.table !== place.row.table) continue;
      expect(next.first, `group row "${place.row.cells[0]?.[0]}" ends page ${place.last}`).toBe(place.last);
    }
  });

  test('a merged cell set in the MIDDLE over rows kept on one page stands in the middle of all of them', () => {
    const rows = inputRows(input.body);
    // Rows that fill more than a third of a page are cut into rows that may break (the text at the top of the
    // first): the API says which are kept.
    const kept = (cell: { table: number; row: number; last: number }) => {
      const first = rows.findIndex((row) => row.table === cell.table) + cell.row;
      return keptWithNext.slice(first, first + cell.last - cell.row).every(Boolean);
    };
    const checked = middleCells(input.body)
      .filter(kept)
      .map((cell) => {
        const rowPlaces = places.filter((place) => place.row.table === cell.table).slice(cell.row, cell.last + 1);
        const pageNumbers = new Set(rowPlaces.flatMap((place) => [place.first, place.last]));
        // Rows cut over a page: the cell's text stands on the first; nothing to centre across pages.
        if (pageNumbers.size !== 1) return undefined;
        const page = [...pageNumbers][0] as number;
        return { cell, centred: centring(rules[page - 1] as PageRules, layout[page - 1] as PageLayout, cell.text) };
      })
      .filter((found) => found !== undefined);
    for (const { cell, centred } of checked) {
      expect(centred, cell.text).toBeDefined();
      const { text, box } = centred as { text: Box; box: Box };
      const offset = (text.yMin + text.yMax) / 2 - (box.yMin + box.yMax) / 2;
      expect(Math.abs(offset), `${cell.text}: ${offset.toFixed(1)} pt from the middle of its rows`).toBeLessThan(4);
    }
    if (name.startsWith('stress table')) expect(checked.length).toBeGreaterThan(0);
  });

  // Against the same table with its rows whole (hr-progress-table's rows may break too: its pages are counted in
  // layout.test.ts).
  test.runIf(input === denseStressTable)('rows that may break leave less room at page feet, on no more pages', () => {
    expect(layout.length).toBeLessThanOrEqual(printedPages.get('stress table') ?? 0);
    const room = footRoom.get(name) ?? 0;
    const whole = footRoom.get('stress table') ?? 0;
    console.info(
      `room left at the feet of pages a table runs off: ${(room / cm(1)).toFixed(1)} cm (rows whole: ${(whole / cm(1)).toFixed(1)} cm)`,
    );
    expect(room).toBeLessThan(whole);
  });
});

/** Every body cell merged down over rows and set in the MIDDLE: its table, first and last row, and text. */
function middleCells(blocks: DocumentJson[]): { table: number; row: number; last: number; text: string }[] {
  return bodyTables(blocks).flatMap((table, index) => {
    if (table.groups) return [];
    const found: { table: number; row: number; last: number; text: string }[] = [];
    (table.rows as DocumentJson[]).forEach((row, r) => {
      let column = 0;
      for (const cell of row.cells ?? []) {
        const align = cell.verticalAlign ?? table.columns[column]?.verticalAlign ?? table.settings?.verticalAlign;
        if ((cell.rowspan ?? 1) > 1 && align === 'MIDDLE' && cell.text) {
          // A merged cell stops at a group row.
          let last = r;
          while (last < r + cell.rowspan - 1 && table.rows[last + 1] && !table.rows[last + 1].group) last++;
          found.push({ table: index, row: r, last, text: cell.text });
        }
        column += cell.colspan ?? 1;
      }
    });
    return found;
  });
}

/**
 * A merged cell as printed on a page: the box of its text (every word between its column rules, under the rule
 * above its first word and over the rule below) and the box those rules close. Undefined when its text is not there.
 */
function centring(rules: PageRules, page: PageLayout, text: string): { text: Box; box: Box } | undefined {
  const wanted = comparable(text);
  const words = page.lines.flatMap((line) => line.words);
  const first = words.find((word) => comparable(word.text).length >= 3 && wanted.startsWith(comparable(word.text)));
  if (!first) return undefined;
  const beside = rules.vertical.filter((rule) => rule.yMin < first.yMax && rule.yMax > first.yMin);
  const left = Math.max(...beside.filter((rule) => rule.xMax <= first.xMin + 1).map((rule) => rule.xMax));
  const right = Math.min(...beside.filter((rule) => rule.xMin >= first.xMax - 1).map((rule) => rule.xMin));
  const middle = (left + right) / 2;
  const across = rules.horizontal.filter((rule) => rule.xMin <= middle && rule.xMax >= middle);
  const top = Math.max(...across.filter((rule) => rule.yMax <= first.yMin + 1).map((rule) => rule.yMax));
  const bottom = Math.min(...across.filter((rule) => rule.yMin >= first.yMax - 1).map((rule) => rule.yMin));
  const inside = words.filter((word) => {
    const x = (word.xMin + word.xMax) / 2;
    return x > left && x < right && word.yMin > top && word.yMax < bottom;
  });
  const box = { xMin: left, xMax: right, yMin: top, yMax: bottom };
  return {
    box,
    text: {
      xMin: Math.min(...inside.map((word) => word.xMin)),
      xMax: Math.max(...inside.map((word) => word.xMax)),
      yMin: Math.min(...inside.map((word) => word.yMin)),
      yMax: Math.max(...inside.map((word) => word.yMax)),
    },
  };
}
