import type { LetterItemData } from '@saraban/store';
import { type DigitStyle, letterItemText } from '@saraban/thai';
import { builder } from '../builder.js';
import { PeriodInput, type PeriodInputShape, PeriodType } from './periods.js';

/** A letter item as the API returns it: with the document's digits, to print it in. */
export type LetterItemView = LetterItemData & { digitStyle: DigitStyle };

/**
 * A letter's items in the document's digits: the structured ones, or its lines as items with a title only.
 *
 * @example
 * viewLetterItems(data.referenceItems, data.references, 'THAI')
 */
export function viewLetterItems(
  items: readonly LetterItemData[] | undefined,
  lines: readonly string[],
  digitStyle: DigitStyle,
): LetterItemView[] {
  const data: LetterItemData[] =
    items && items.length > 0
      ? [...items]
      : lines.map((title) => ({ title, bookNumber: null, date: null, period: null, count: null, unit: null }));
  return data.map((item) => ({ ...item, digitStyle }));
}

/**
 * A letter's items as lines of text, each as printed with its count last, or its lines when it gave no items: what
 * `references` and `enclosures` return.
 *
 * @example
 * letterItemLines([{ title: 'หนังสือจังหวัดลำพูน', date: '2023-01-10', … }], [], 'THAI')
 * // ['หนังสือจังหวัดลำพูน ลงวันที่ ๑๐ มกราคม ๒๕๖๖']
 */
export function letterItemLines(
  items: readonly LetterItemData[] | undefined,
  lines: readonly string[],
  digitStyle: DigitStyle,
): string[] {
  if (!items?.length) return [...lines];
  return items.map((item) => {
    const { text, count } = letterItemText(item, digitStyle);
    return count ? `${text} ${count}` : text;
  });
}

export const LetterItemType = builder.objectRef<LetterItemView>('LetterItem').implement({
  description:
    'One อ้างถึง or สิ่งที่ส่งมาด้วย of a letter: what it is, its book number and date, how many. Letters print each on its own lines, numbered ๑. ๒. when there are several.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'What it is: "หนังสือกระทรวงมหาดไทย", "สำเนาคำสั่ง…".' }),
    bookNumber: t.exposeString('bookNumber', { nullable: true, description: 'Its book number (ที่).' }),
    date: t.field({
      type: 'Date',
      nullable: true,
      description: 'Its date (ลงวันที่).',
      resolve: (item) => item.date,
    }),
    period: t.field({
      type: PeriodType,
      nullable: true,
      description: 'The time it covers.',
      resolve: (item) => (item.period ? { period: item.period, digitStyle: item.digitStyle } : null),
    }),
    count: t.exposeInt('count', { nullable: true, description: 'How many are sent.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'What is counted ("ชุด", "ฉบับ").' }),
    text: t.string({
      description:
        'As printed, in the document\'s digits: the title, "ที่" and the book number, "ลงวันที่" and the date, then the period.',
      resolve: (item) => letterItemText(item, item.digitStyle).text,
    }),
    countText: t.string({
      nullable: true,
      description: 'The count as printed at the end of its last line: "จำนวน ๑ ชุด" ("ชุด" unless unit says).',
      resolve: (item) => letterItemText(item, item.digitStyle).count,
    }),
  }),
});

export interface LetterItemInputShape {
  title: string;
  bookNumber?: string | null;
  date?: string | null;
  period?: PeriodInputShape | null;
  count?: number | null;
  unit?: string | null;
}

export const LetterItemInput = builder.inputRef<LetterItemInputShape>('LetterItemInput');
LetterItemInput.implement({
  description: 'One อ้างถึง or สิ่งที่ส่งมาด้วย: what it is, its book number and date, how many.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'What it is: "หนังสือกระทรวงมหาดไทย", "สำเนาคำสั่ง…".' }),
    bookNumber: t.string({ description: 'Its book number, printed after "ที่".' }),
    date: t.field({ type: 'Date', description: 'Its date, printed after "ลงวันที่".' }),
    period: t.field({ type: PeriodInput, description: 'The time it covers, printed after the rest.' }),
    count: t.int({ description: 'How many are sent: "จำนวน ๑ ชุด".' }),
    unit: t.string({ description: 'What is counted; "ชุด" unless given ("ฉบับ", "แผ่น").' }),
  }),
});
