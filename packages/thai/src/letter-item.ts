import { convertDigits, type DigitStyle } from './digits.js';
import { formatPeriod, type Period } from './period.js';
import { formatThaiDate } from './thai-date.js';

/** One อ้างถึง or สิ่งที่ส่งมาด้วย of a letter: what it is, its book number and date, how many. */
export interface LetterItem {
  /** What it is: "หนังสือกระทรวงมหาดไทย", "สำเนาคำสั่งจังหวัดลำพูน". */
  readonly title: string;
  /** Its book number, printed after "ที่". */
  readonly bookNumber?: string | null;
  /** Its date (ISO), printed after "ลงวันที่". */
  readonly date?: string | null;
  /** The time it covers, printed after the rest: "ตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖". */
  readonly period?: Period | null;
  /** How many are sent: "จำนวน ๑ ชุด". */
  readonly count?: number | null;
  /** What is counted; default "ชุด". */
  readonly unit?: string | null;
}

/** A letter item as printed: its description, and its count apart (the count is set at the line's end). */
export interface LetterItemText {
  readonly text: string;
  readonly count: string | null;
}

/** What an enclosure is counted in when the letter does not say. */
const DEFAULT_UNIT = 'ชุด';

/**
 * A reference or an enclosure as the regulation prints it: the title, "ที่" and the book number, "ลงวันที่" and the
 * date, then the period; the count "จำนวน ๑ ชุด" apart. In the document's digits (web addresses kept as typed).
 *
 * @example
 * ```ts
 * letterItemText({ title: 'หนังสือกระทรวงมหาดไทย', bookNumber: 'มท 0209.3/ว 2305', date: '2023-05-10' })
 * // { text: 'หนังสือกระทรวงมหาดไทย ที่ มท ๐๒๐๙.๓/ว ๒๓๐๕ ลงวันที่ ๑๐ พฤษภาคม ๒๕๖๖', count: null }
 * letterItemText({ title: 'แบบรายงานผล', count: 1 }, 'ARABIC') // { text: 'แบบรายงานผล', count: 'จำนวน 1 ชุด' }
 * ```
 */
export function letterItemText(item: LetterItem, digits: DigitStyle = 'THAI'): LetterItemText {
  const parts = [item.title];
  if (item.bookNumber) parts.push(`ที่ ${item.bookNumber}`);
  if (item.date) parts.push(`ลงวันที่ ${formatThaiDate(item.date, { digits })}`);
  if (item.period) parts.push(formatPeriod(item.period, { digits }));
  const count = item.count == null ? null : `จำนวน ${item.count} ${item.unit || DEFAULT_UNIT}`;
  return { text: convertDigits(parts.join(' '), digits), count: count && convertDigits(count, digits) };
}
