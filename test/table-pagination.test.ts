import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from './support/document-text.js';
import { cm, type PageLayout, readLayout } from './support/layout.js';
import { readPdf } from './support/pdf.js';
import { type PageRules, readRules } from './support/rules.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';
import {
  bandText,
  bodyTables,
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
        ],
      },
    },
  ],
};

const cases = [...tableExamples(), { name: 'stress table', input: stressTable }];

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

  beforeAll(async () => {
    const created = await server.graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input,
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createDocument.id;
    const rendered = await server.graphql('mutation ($id: ID!) { renderDocument(id: $id) { url pages } }', { id });
    expect(rendered.errors).toBeUndefined();
    const pdf = new Uint8Array(await (await fetch(`${server.url}${rendered.data.renderDocument.url}`)).arrayBuffer());
    const { pages } = await readPdf(pdf, { raw: true });
    layout = await readLayout(pdf);
    rules = await readRules(pdf);
    tables = rules.map((page, index) => tableOnPage(page, layout[index] as PageLayout));
    places = placeRows(inputRows(input.body), pages);
    const split = places.filter((place) => !place.row.group && place.first !== place.last).length;
    console.info(`${name}: ${pages.length} pages, ${places.length} rows, ${split} split`);
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

  test('a row splits across pages only when it is taller than a page', () => {
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

  test('a page a table runs off leaves no more room at its foot than the next row needs', () => {
    for (const [page, table] of continuations()) {
      // A row split over the break fills the page; its rules are checked above.
      if (places.some((place) => place.first < page && place.last >= page && !place.row.group)) continue;
      // The first row that starts on the page: if it runs on over it, it is taller than a page.
      const next = places.find((place) => place.first === page && !place.row.group);
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
      const rowBottom = group > 0 ? (after.rules[k + 2] ?? firstBottom) : firstBottom;
      // A row taller than a page starts where it stands: the room left is less than its first two lines (orphans)
      // and the group row before it.
      const needed = taller ? group + TWO_LINES : rowBottom - rowTop;
      expect(
        room,
        `page ${page - 1}: ${(room / cm(1)).toFixed(1)} cm left at the foot; the next rows needed ${(needed / cm(1)).toFixed(1)} cm`,
      ).toBeLessThan(needed + 1);
    }
  });
});
