import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BlockData, findMeasures, type MeasureData, type Store } from '../src/index.js';
import { memoData } from './document-data-fixture.js';
import { dialects, openTempStore } from './temp-store.js';

function measure(title: string, owner: string): MeasureData {
  return { title, steps: [], owner, period: null, result: [], outcome: [], suggestion: null };
}

function measureTable(group: string, measures: MeasureData[]): BlockData {
  return { type: 'measureTable', columns: [], groups: [{ title: group, measures }] };
}

describe.each(dialects)('findMeasures on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openTempStore(dialect));
  });
  afterEach(() => cleanup());

  it("finds the measures of the body, of a list item, of a section and of an annex, and one unit's only", async () => {
    const data = memoData({
      body: [
        measureTable('กลุ่มที่ ๑', [measure('ตรวจสอบพัสดุ', 'กองคลัง')]),
        {
          type: 'list',
          style: 'DOT',
          start: 1,
          outlinePrefix: [],
          items: [{ text: 'ข้อ', blocks: [measureTable('ในรายการ', [measure('อบรมเจ้าหน้าที่', 'กองการเจ้าหน้าที่')])] }],
        },
      ],
      sections: [
        {
          title: 'ภาคผนวกตาราง',
          orientation: 'LANDSCAPE',
          pageNumbers: true,
          body: [measureTable('ในส่วน', [measure('จัดซื้อ', 'กองคลัง')])],
        },
      ],
      annexes: [
        {
          title: 'ภาคผนวก',
          orientation: 'PORTRAIT',
          pageNumbers: true,
          body: [measureTable('ในภาคผนวก', [measure('ติดตามผล', 'กองคลัง')])],
        },
      ],
    });
    const document = await store.documents.create({ kind: 'MEMO', template: 'memo', subject: data.subject, data });

    const all = await findMeasures(store.documents, { limit: 10 });
    expect(all.map((entry) => [entry.group, entry.measure.title])).toEqual([
      ['กลุ่มที่ ๑', 'ตรวจสอบพัสดุ'],
      ['ในรายการ', 'อบรมเจ้าหน้าที่'],
      ['ในส่วน', 'จัดซื้อ'],
      ['ในภาคผนวก', 'ติดตามผล'],
    ]);
    expect(all.every((entry) => entry.document.id === document.id)).toBe(true);

    const finance = await findMeasures(store.documents, { owner: 'กองคลัง', limit: 2 });
    expect(finance.map((entry) => entry.measure.title)).toEqual(['ตรวจสอบพัสดุ', 'จัดซื้อ']);
  });
});
