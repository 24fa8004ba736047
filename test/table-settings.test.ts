import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSaraban, type SarabanApp } from '@saraban/app';
import { schema } from '@saraban/graphql';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from './support/document-text.js';
import { templatesDir } from './support/saraban.js';

const organization = { name: 'หน่วยงานทดสอบ' };

/** A report holding one block. */
function report(block: DocumentJson, extra: DocumentJson = {}): DocumentJson {
  return { kind: 'REPORT', subject: 'ทดสอบตาราง', organization, body: [block], ...extra };
}

describe('table settings, merged cells and measure tables, as the API takes and gives them', () => {
  let dir: string;
  let saraban: SarabanApp;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-table-settings-'));
    saraban = await openSaraban({ databaseFile: join(dir, 'saraban.db'), templatesDir, poolSize: 1 });
  });
  afterAll(async () => {
    await saraban?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(source: string, variables: Record<string, unknown> = {}) {
    return graphql({ schema, source, variableValues: variables, contextValue: saraban.context });
  }
  async function create(input: DocumentJson): Promise<string> {
    const result = await run('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', { input });
    expect(result.errors).toBeUndefined();
    return (result.data as DocumentJson).createDocument.id;
  }
  async function createError(input: DocumentJson): Promise<string | undefined> {
    const result = await run('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', { input });
    return result.errors?.[0]?.message;
  }
  async function body(id: string, selection: string): Promise<DocumentJson[]> {
    const result = await run(`query ($id: ID!) { document(id: $id) { body { __typename ${selection} } } }`, { id });
    expect(result.errors).toBeUndefined();
    return (result.data as DocumentJson).document.body;
  }

  test('a merged cell lines up as the column it starts in, not as its place in the row', async () => {
    const id = await create(
      report({
        table: {
          columns: [{ label: 'ข้อ', align: 'CENTER' }, { label: 'รายการ' }, { label: 'คะแนน', align: 'RIGHT' }],
          rows: [
            { cells: [{ text: '๑', rowspan: 2 }, { text: 'ก' }, { text: '10' }] },
            // The row's first cell stands in column 2 (column 1 is merged from above): it lines up as column 2.
            { cells: [{ text: 'ข' }, { text: '4', rowspan: 1 }] },
            { cells: [{ text: 'รวม', colspan: 2, align: 'RIGHT' }, { text: '14' }] },
          ],
        },
      }),
    );
    const [table] = await body(
      id,
      '... on Table { rows { cells { column align firstColumn } printCells { column align mergeAbove mergeBelow blocks { __typename } } } }',
    );
    const rows = (table as DocumentJson).rows;
    expect(rows[1].cells).toEqual([
      { column: 1, align: 'LEFT', firstColumn: false },
      { column: 2, align: 'RIGHT', firstColumn: false },
    ]);
    expect(rows[2].cells[0]).toEqual({ column: 0, align: 'RIGHT', firstColumn: true });
    // As printed, the merged cell comes once a row: its text in the first, an empty continuation under it.
    expect(rows[0].printCells[0]).toMatchObject({ column: 0, mergeAbove: false, mergeBelow: true });
    expect(rows[1].printCells.map((cell: DocumentJson) => cell.column)).toEqual([0, 1, 2]);
    expect(rows[1].printCells[0]).toMatchObject({ align: 'CENTER', mergeAbove: true, mergeBelow: false, blocks: [] });
  });

  test('settings come back with their defaults; widths in centimetres and shares print as lengths', async () => {
    const plain = await create(report({ table: { columns: [{ label: 'ก', width: 30 }, { label: 'ข' }], rows: [] } }));
    const [before] = await body(
      plain,
      '... on Table { columns { printWidth } settings { textSize cellPadding { x y } header { bold shaded align repeat } verticalAlign } }',
    );
    expect(before).toMatchObject({
      columns: [{ printWidth: '30%' }, { printWidth: null }],
      settings: {
        textSize: null,
        cellPadding: { x: 0.15, y: 0 },
        header: { bold: true, shaded: false, align: 'CENTER', repeat: true },
        verticalAlign: 'TOP',
      },
    });
    const set = await create(
      report({
        table: {
          settings: { textSize: 14, cellPadding: { y: 0.1 }, widthCm: 15, header: { shaded: true } },
          columns: [{ label: 'ก', width: 20 }, { label: 'ข', widthCm: 3 }, { label: 'ค', share: 3 }, { label: 'ง' }],
          rows: [],
        },
      }),
    );
    const [after] = await body(
      set,
      '... on Table { columns { printWidth share widthCm } settings { textSize widthCm cellPadding { x y } header { shaded } } }',
    );
    expect(after).toMatchObject({
      columns: [
        { printWidth: 'calc(var(--table-width) * 0.2)' },
        { printWidth: '3cm', widthCm: 3 },
        { printWidth: 'calc((var(--table-width) * 0.8 - 3cm) * 0.75)', share: 3 },
        { printWidth: 'calc((var(--table-width) * 0.8 - 3cm) * 0.25)' },
      ],
      settings: { textSize: 14, widthCm: 15, cellPadding: { x: 0.15, y: 0.1 }, header: { shaded: true } },
    });
  });

  test('settings and widths out of bounds are refused with the field path', async () => {
    const table = (extra: DocumentJson) => report({ table: { columns: [{ label: 'ก' }], rows: [], ...extra } });
    expect(await createError(table({ settings: { textSize: 50 } }))).toMatch(
      /body\[0\]\.table\.settings\.textSize: must be 8 to 32 points \(got 50\)/,
    );
    expect(await createError(report({ table: { columns: [{ label: 'ก', width: 20, share: 1 }], rows: [] } }))).toMatch(
      /body\[0\]\.table\.columns\[0\]: give one of width, widthCm and share \(got width, share\)/,
    );
    expect(await createError(report({ list: { items: [{ text: 'ก', checked: true }] } }))).toMatch(
      /body\[0\]\.list\.items\[0\]\.checked: only a CHECKBOX list has boxes to tick/,
    );
  });

  test('a CHECKBOX list gives each item its box and whether it is ticked', async () => {
    const id = await create(
      report({ list: { style: 'CHECKBOX', items: [{ text: 'ผ่าน', checked: true }, { text: 'ไม่ผ่าน' }] } }),
    );
    const [list] = await body(id, '... on List { style items { marker checked text } }');
    expect(list).toMatchObject({
      style: 'CHECKBOX',
      items: [
        { marker: '☑', checked: true, text: 'ผ่าน' },
        { marker: '☐', checked: false, text: 'ไม่ผ่าน' },
      ],
    });
  });

  const measureTable = (measures: DocumentJson[], columns?: DocumentJson[]) => ({
    measureTable: { ...(columns ? { columns } : {}), groups: [{ title: 'กลุ่ม', measures }] },
  });

  test('measures hold deadlines, budgets, monitoring, custom texts, and steps and results as blocks', async () => {
    const id = await create(
      report(
        measureTable(
          [
            {
              title: 'มาตรการที่ ๑',
              stepBlocks: [{ list: { style: 'DOT', items: [{ text: 'ขั้นแรก' }, { text: 'ขั้นสอง' }] } }],
              period: { start: '2022-10-01', end: '2023-09-30', exact: true },
              deadline: '2023-09-30',
              budget: 120000,
              budgetNote: 'เงินรายได้',
              monitoring: [{ paragraph: { text: 'รายงานทุกไตรมาส' } }],
              custom: [{ key: 'evidence', text: 'ภาพถ่าย' }],
            },
            { title: 'มาตรการที่ ๒', steps: ['ทำตามแผน'], period: { text: 'ตลอดปีงบประมาณ' } },
          ],
          [
            { field: 'TITLE' },
            { field: 'STEPS' },
            { field: 'DEADLINE' },
            { field: 'BUDGET' },
            { field: 'MONITORING' },
            { field: 'CUSTOM', key: 'evidence', label: 'หลักฐาน' },
          ],
        ),
      ),
    );
    const [table] = await body(
      id,
      `... on MeasureTable { columns { field label key } groups { measures {
        steps stepBlocks { __typename ... on List { items { marker text } } ... on Paragraph { text } }
        period { exact text } periodText deadline deadlineText budget budgetText custom { key text }
        monitoring { __typename } } } }`,
    );
    const [first, second] = (table as DocumentJson).groups[0].measures;
    expect((table as DocumentJson).columns.at(-1)).toEqual({ field: 'CUSTOM', label: 'หลักฐาน', key: 'evidence' });
    expect((table as DocumentJson).columns[2].label).toBe('กำหนดแล้วเสร็จ');
    expect(first).toMatchObject({
      steps: ['ขั้นแรก', 'ขั้นสอง'],
      stepBlocks: [
        {
          __typename: 'List',
          items: [
            { marker: '๑.', text: 'ขั้นแรก' },
            { marker: '๒.', text: 'ขั้นสอง' },
          ],
        },
      ],
      period: { exact: true, text: '๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖' },
      deadline: '2023-09-30',
      deadlineText: '๓๐ ก.ย. ๒๕๖๖',
      budget: 120000,
      budgetText: '๑๒๐,๐๐๐ บาท เงินรายได้',
      custom: [{ key: 'evidence', text: 'ภาพถ่าย' }],
      monitoring: [{ __typename: 'Paragraph' }],
    });
    // A period in words has no dates to give.
    expect(second).toMatchObject({
      period: null,
      periodText: 'ตลอดปีงบประมาณ',
      stepBlocks: [{ __typename: 'Paragraph', text: 'ทำตามแผน' }],
    });
    expect(
      await createError(
        report(measureTable([{ title: 'ก', steps: ['ก'], stepBlocks: [{ paragraph: { text: 'ข' } }] }])),
      ),
    ).toMatch(/measures\[0\]\.stepBlocks: give steps or stepBlocks, not both/);
    expect(await createError(report(measureTable([{ title: 'ก', period: { start: '2023-01-01' } }])))).toMatch(
      /measures\[0\]\.period: give both start and end, or neither/,
    );
    expect(await createError(report(measureTable([{ title: 'ก' }], [{ field: 'CUSTOM' }])))).toMatch(
      /columns\[0\]: a CUSTOM column needs its label and the key of the texts it shows/,
    );
  });

  test('measures can be found by fiscal year and by organization', async () => {
    const other = { name: 'เทศบาลเมืองอื่น' };
    await create(
      report(
        measureTable([{ title: 'มาตรการปี ๒๕๖๕', owner: 'กองแผน', period: { start: '2021-10-01', end: '2022-09-30' } }]),
        {
          organization: other,
        },
      ),
    );
    await create(
      report(
        measureTable([{ title: 'มาตรการปี ๒๕๖๖', owner: 'กองแผน', period: { start: '2022-10-01', end: '2023-03-31' } }]),
        {
          organization: other,
        },
      ),
    );
    // No period: the document's date says the year (10 January 2023 is in ปีงบประมาณ ๒๕๖๖).
    await create(report(measureTable([{ title: 'มาตรการไม่มีระยะเวลา', owner: 'กองแผน' }]), { date: '2023-01-10' }));
    const find = async (args: string) => {
      const result = await run(`{ measures(${args}) { measure { title } } }`);
      expect(result.errors).toBeUndefined();
      return (result.data as DocumentJson).measures.map((entry: DocumentJson) => entry.measure.title).sort();
    };
    expect(await find('owner: "กองแผน", fiscalYear: 2566')).toEqual(['มาตรการปี ๒๕๖๖', 'มาตรการไม่มีระยะเวลา']);
    expect(await find('owner: "กองแผน", fiscalYear: 2565')).toEqual(['มาตรการปี ๒๕๖๕']);
    expect(await find('owner: "กองแผน", organization: "เมืองอื่น"')).toEqual(['มาตรการปี ๒๕๖๕', 'มาตรการปี ๒๕๖๖']);
  });
});
