import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from '../support/document-text.js';
import { startTestServer, type TestServer } from '../support/saraban.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

describe('every input problem in one answer, also several inside one block (issue 16)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The fields `extensions.problems` names for a createDocument of `input` (the one error's field when alone). */
  async function problemFields(input: DocumentJson): Promise<string[]> {
    const { errors } = await server.graphql(CREATE_DOCUMENT, { input });
    expect(errors).toHaveLength(1);
    const error = errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = error?.extensions?.problems as { field: string; message: string }[] | undefined;
    for (const problem of problems ?? []) expect(error?.message).toContain(problem.message);
    return problems?.map((problem) => problem.field) ?? [error?.extensions?.field as string];
  }

  test('a list: its start, its outline prefix and two of its items', async () => {
    const list = {
      start: 0,
      outlinePrefix: [1, 0],
      items: [
        { text: 'ข้อแรก', checked: true },
        { text: 'ข้อสอง' },
        { text: 'ข้อสาม', checked: false, blocks: [{ pageBreak: false }, { heading: { text: 'ก', level: 0 } }] },
      ],
    };
    expect(await problemFields(memoInput({ body: [{ list }] }))).toEqual([
      'input.body[0].list.start',
      'input.body[0].list.outlinePrefix[1]',
      'input.body[0].list.items[0].checked',
      'input.body[0].list.items[2].checked',
      'input.body[0].list.items[2].blocks[0].pageBreak',
      'input.body[0].list.items[2].blocks[1].heading.level',
    ]);
  });

  test('a table: two columns, a row too wide, two cells and its settings', async () => {
    const table = {
      columns: [{ label: 'ก', width: 120 }, { label: 'ข', share: 0 }, { label: 'ค' }],
      rows: [
        { cells: [{ text: 'ก', blocks: [{ paragraph: { text: 'ก' } }] }, { text: 'ข' }, { text: 'ค' }] },
        { cells: [{ text: 'ก', colspan: 3 }, { text: 'ข' }] },
        { cells: [{ text: 'ก' }, { text: 'ข', blocks: [{ paragraph: { text: 'ข' } }] }, { text: 'ค' }] },
      ],
      settings: { textSize: 90, width: 0 },
    };
    expect(await problemFields(memoInput({ body: [{ table }] }))).toEqual([
      'input.body[0].table.columns[0].width',
      'input.body[0].table.columns[1].share',
      'input.body[0].table.rows[0].cells[0]',
      'input.body[0].table.rows[1].cells',
      'input.body[0].table.rows[2].cells[1]',
      'input.body[0].table.settings.textSize',
      'input.body[0].table.settings.width',
    ]);
  });

  test('a heading, a QR code, a section, a measure table, a cover and two letter items', async () => {
    const measureTable = {
      columns: [{ field: 'TITLE' }, { field: 'CUSTOM' }],
      groups: [
        {
          measures: [
            { title: 'ก', period: { start: '2026-02-01' }, steps: ['ก'], stepBlocks: [{ paragraph: { text: 'ก' } }] },
            {
              title: 'ข',
              custom: [
                { key: 'x', text: 'ก' },
                { key: 'x', text: 'ข' },
              ],
            },
          ],
        },
      ],
    };
    const fields = await problemFields(
      memoInput({
        body: [
          { heading: { text: 'หัวข้อ', level: 0, textSize: 200 } },
          { qrCode: { text: '', size: 99 } },
          { measureTable },
        ],
        sections: [{ body: [{ pageBreak: false }, { list: { start: -1, items: [{ text: 'ก' }] } }] }],
        cover: { titleLines: [' '], period: { from: '2026-01-01' } },
        referenceItems: [{ title: ' ' }, { title: 'ข', count: 0 }],
      }),
    );
    expect(fields).toEqual([
      'input.body[0].heading.level',
      'input.body[0].heading.textSize',
      'input.body[1].qrCode.size',
      'input.body[1].qrCode.text',
      'input.body[2].measureTable.columns[1]',
      'input.body[2].measureTable.groups[0].measures[0].period',
      'input.body[2].measureTable.groups[0].measures[0].stepBlocks',
      'input.body[2].measureTable.groups[0].measures[1].custom',
      'input.cover.titleLines',
      'input.cover.period',
      'input.sections[0].body[0].pageBreak',
      'input.sections[0].body[1].list.start',
      'input.referenceItems[0].title',
      'input.referenceItems[1].count',
    ]);
  });

  test("a signer's and an endorsement's names left out: each name is named", async () => {
    const fields = await problemFields(
      memoInput({
        signer: { title: 'นาย', positions: ['ผู้อำนวยการ'] },
        endorsements: [{ opinion: ['เห็นควรอนุมัติ'], signer: { givenName: 'สมชาย' } }],
      }),
    );
    expect(fields).toEqual([
      'input.signer.givenName',
      'input.signer.familyName',
      'input.endorsements[0].signer.title',
      'input.endorsements[0].signer.familyName',
    ]);
  });

  test("an organization's font and emblem, a column's widths, a CUSTOM measure column's width and key: each named", async () => {
    const organization = {
      name: 'สำนักงาน ก',
      fontId: 'no-such-font',
      emblem: { mediaType: 'image/gif', base64: 'R0lG' },
    };
    const fields = await problemFields(
      memoInput({
        organization,
        body: [
          { table: { columns: [{ label: 'ก', width: -5, share: -1 }], rows: [{ cells: [{ text: 'ก' }] }] } },
          {
            measureTable: {
              columns: [{ field: 'TITLE' }, { field: 'CUSTOM', label: 'ผล', widthCm: 0 }],
              groups: [{ measures: [{ title: 'ก' }] }],
            },
          },
        ],
      }),
    );
    expect(fields).toEqual([
      'input.organization.fontId',
      'input.organization.emblem.mediaType',
      'input.body[0].table.columns[0]',
      'input.body[0].table.columns[0].width',
      'input.body[0].table.columns[0].share',
      'input.body[1].measureTable.columns[1].widthCm',
      'input.body[1].measureTable.columns[1]',
    ]);

    // An organization stored on its own is checked the same way.
    const { errors } = await server.graphql(
      'mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: organization },
    );
    expect(errors?.[0]?.extensions?.problems).toEqual([
      { field: 'input.fontId', message: 'input.fontId: there is no font no-such-font; upload one with createFont' },
      {
        field: 'input.emblem.mediaType',
        message: 'input.emblem.mediaType: must be one of image/png, image/jpeg, image/svg+xml',
      },
    ]);
  });
});
