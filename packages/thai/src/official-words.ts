import { UnknownCodeError } from './errors.js';

/** Who a letter is addressed to: almost everyone, the highest offices, or monks (royal forms are out of scope). */
export type RecipientClass = 'GENERAL' | 'HIGHEST' | 'MONK';
/** How a signer acts for another position. */
export type ActingKind = 'ON_BEHALF' | 'ACTING_FOR' | 'ACTING_IN_POSITION';
/** ชั้นความเร็ว: the speed mark. */
export type SpeedMark = 'MOST_URGENT' | 'VERY_URGENT' | 'URGENT';
/** ชั้นความลับ: the secrecy mark. */
export type SecrecyMark = 'TOP_SECRET' | 'SECRET' | 'CONFIDENTIAL';

const SALUTATIONS: Readonly<Record<RecipientClass, string>> = {
  GENERAL: 'เรียน',
  HIGHEST: 'กราบเรียน',
  MONK: 'นมัสการ',
};

const CLOSINGS: Readonly<Record<RecipientClass, string>> = {
  GENERAL: 'ขอแสดงความนับถือ',
  HIGHEST: 'ขอแสดงความนับถืออย่างยิ่ง',
  MONK: 'ขอนมัสการด้วยความเคารพ',
};

const ACTING_WORDS: Readonly<Record<ActingKind, string>> = {
  ON_BEHALF: 'ปฏิบัติราชการแทน',
  ACTING_FOR: 'รักษาราชการแทน',
  ACTING_IN_POSITION: 'รักษาการในตำแหน่ง',
};

/** What a column of a measure table (ตารางมาตรการ) shows. */
export type MeasureField =
  | 'TITLE'
  | 'STEPS'
  | 'OWNER'
  | 'PERIOD'
  | 'DEADLINE'
  | 'MONITORING'
  | 'RESULT'
  | 'OUTCOME'
  | 'SUGGESTION'
  | 'BUDGET'
  | 'INDICATOR'
  | 'CUSTOM';

const MEASURE_FIELD_LABELS: Readonly<Record<MeasureField, string>> = {
  TITLE: 'มาตรการ',
  STEPS: 'วิธีการดำเนินการ',
  OWNER: 'ผู้รับผิดชอบ',
  PERIOD: 'ระยะเวลา',
  DEADLINE: 'กำหนดแล้วเสร็จ',
  MONITORING: 'การรายงานและติดตามผล',
  RESULT: 'ผลการดำเนินการ',
  OUTCOME: 'ผลลัพธ์',
  SUGGESTION: 'ข้อเสนอแนะ',
  BUDGET: 'งบประมาณ',
  INDICATOR: 'ตัวชี้วัด',
  CUSTOM: 'หมายเหตุ',
};

const SPEED_MARKS: Readonly<Record<SpeedMark, string>> = {
  MOST_URGENT: 'ด่วนที่สุด',
  VERY_URGENT: 'ด่วนมาก',
  URGENT: 'ด่วน',
};

const SECRECY_MARKS: Readonly<Record<SecrecyMark, string>> = {
  TOP_SECRET: 'ลับที่สุด',
  SECRET: 'ลับมาก',
  CONFIDENTIAL: 'ลับ',
};

/**
 * The salutation before the recipient.
 *
 * @example
 * ```ts
 * salutationFor('HIGHEST') // 'กราบเรียน'
 * ```
 */
export function salutationFor(recipientClass: RecipientClass): string {
  return lookUp(SALUTATIONS, recipientClass, 'recipient class');
}

/**
 * The closing formula above the signature.
 *
 * @example
 * ```ts
 * closingFor('GENERAL') // 'ขอแสดงความนับถือ'
 * ```
 */
export function closingFor(recipientClass: RecipientClass): string {
  return lookUp(CLOSINGS, recipientClass, 'recipient class');
}

/**
 * The acting word printed after the signer's position.
 *
 * @example
 * ```ts
 * actingWord('ON_BEHALF') // 'ปฏิบัติราชการแทน'
 * ```
 */
export function actingWord(kind: ActingKind): string {
  return lookUp(ACTING_WORDS, kind, 'acting kind');
}

/**
 * The text of a speed mark.
 *
 * @example
 * ```ts
 * speedMarkText('VERY_URGENT') // 'ด่วนมาก'
 * ```
 */
export function speedMarkText(mark: SpeedMark): string {
  return lookUp(SPEED_MARKS, mark, 'speed mark');
}

/**
 * The text of a secrecy mark.
 *
 * @example
 * ```ts
 * secrecyMarkText('CONFIDENTIAL') // 'ลับ'
 * ```
 */
export function secrecyMarkText(mark: SecrecyMark): string {
  return lookUp(SECRECY_MARKS, mark, 'secrecy mark');
}

/**
 * The usual heading of a measure table column, as agencies print it.
 *
 * @example
 * ```ts
 * measureFieldLabel('STEPS') // 'วิธีการดำเนินการ'
 * ```
 */
export function measureFieldLabel(field: MeasureField): string {
  return lookUp(MEASURE_FIELD_LABELS, field, 'measure field');
}

// Values may come from outside TypeScript (GraphQL, JSON), so an unknown one fails loudly instead of printing
// "undefined".
function lookUp<Code extends string>(table: Readonly<Record<Code, string>>, code: Code, kind: string): string {
  if (typeof code !== 'string' || !Object.hasOwn(table, code)) {
    throw new UnknownCodeError(kind, code, Object.keys(table));
  }
  return table[code];
}
