import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSaraban, type SarabanApp } from '@saraban/app';
import { schema } from '@saraban/graphql';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compact, readPdf } from './support/pdf.js';
import { templatesDir } from './support/saraban.js';

const GROUP = 'กลุ่มที่สองของตาราง';

/** A report whose table has `filler` one-line rows, then a group row, then three rows under it. */
function reportWithGroupAfter(filler: number) {
  const row = (text: string) => ({ cells: [{ text }, { text: 'ดำเนินการแล้ว' }] });
  return {
    kind: 'REPORT',
    template: 'report',
    subject: 'ทดสอบการแบ่งหน้าของตาราง',
    organization: { name: 'หน่วยงานทดสอบ' },
    body: [
      {
        table: {
          columns: [{ label: 'ประเด็นดำเนินการ', width: 70 }, { label: 'ความก้าวหน้า' }],
          rows: [
            { group: 'กลุ่มที่หนึ่งของตาราง' },
            ...Array.from({ length: filler }, (_, i) => row(`รายการที่ ${i + 1}`)),
            { group: GROUP },
            row('รายการแรกของกลุ่มที่สอง'),
            row('รายการที่สองของกลุ่มที่สอง'),
            row('รายการที่สามของกลุ่มที่สอง'),
          ],
        },
      },
    ],
  };
}

describe('tables over page breaks', () => {
  let dir: string;
  let saraban: SarabanApp;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-table-breaks-'));
    saraban = await openSaraban({ databaseFile: join(dir, 'saraban.db'), templatesDir, poolSize: 1 });
  });
  afterAll(async () => {
    await saraban?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function print(input: object) {
    const run = async (source: string, variables: Record<string, unknown>) => {
      const result = await graphql({ schema, source, variableValues: variables, contextValue: saraban.context });
      expect(result.errors).toBeUndefined();
      return result.data as Record<string, { id: string }>;
    };
    const created = await run('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', { input });
    const rendered = await run('mutation ($id: ID!) { renderDocument(id: $id) { id } }', {
      id: created.createDocument?.id,
    });
    const pdf = await saraban.store.renders.getPdfFile(rendered.renderDocument?.id as string);
    return readPdf(new Uint8Array(Buffer.concat((await pdf?.stream().toArray()) ?? [])));
  }

  test('a group row is never left alone at the foot of a page; the header row begins every page', async () => {
    let groupCrossedABreak = false;
    // Slide the group row down one row at a time across the foot of page 1.
    for (let filler = 18; filler <= 30; filler++) {
      const { pages } = await print(reportWithGroupAfter(filler));
      for (const [index, page] of pages.entries()) {
        const lines = page.split('\n').filter((line) => line.trim() !== '');
        const contentLines = lines.filter((line) => !/^\s*-\s*[๐-๙0-9]+\s*-\s*$/.test(line));
        if (index < pages.length - 1) {
          expect(
            compact(contentLines.at(-1) ?? ''),
            `${filler} rows: page ${index + 1} ends with the group row`,
          ).not.toBe(compact(GROUP));
        }
        if (index > 0) {
          expect(compact(contentLines[0] ?? '').startsWith(compact('ประเด็นดำเนินการ')), `page ${index + 1}`).toBe(true);
          if (compact(contentLines[1] ?? '') === compact(GROUP)) groupCrossedABreak = true;
        }
      }
    }
    // The slide must have pushed the group row to the top of a page at least once, or it proved nothing.
    expect(groupCrossedABreak).toBe(true);
  });
});
