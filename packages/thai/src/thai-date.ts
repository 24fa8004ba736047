import {
  BUDDHIST_ERA_OFFSET,
  checkedCalendarDate,
  type DateInput,
  toCalendarDate,
  toIsoDate,
} from './calendar-date.js';
import { applyDigitStyle, type DigitStyle } from './digits.js';
import { ThaiDateParseError } from './errors.js';
import { monthName, thaiMonthNames } from './months.js';

/** Options of {@link formatThaiDate}. */
export interface ThaiDateFormatOptions {
  /** 'full' month name for letters ("๑๔ เมษายน ๒๕๖๖"), 'short' for tables ("๒๕ มิ.ย. ๒๕๖๖"); default 'full'. */
  readonly style?: 'full' | 'short';
  /** Print "พ.ศ. " before the year ("๑๐ มกราคม พ.ศ. ๒๕๖๖"); default false. */
  readonly era?: boolean;
  /** Default 'THAI'. */
  readonly digits?: DigitStyle;
}

const ERA = 'พ.ศ.';

/**
 * A date as Thai official documents print it: day, month name, Buddhist-era year. A `Date` is read as its calendar
 * day in the machine's time zone; an ISO string "YYYY-MM-DD" is that calendar day on every machine.
 *
 * @example
 * ```ts
 * formatThaiDate('2023-04-14') // '๑๔ เมษายน ๒๕๖๖'
 * formatThaiDate('2023-06-25', { style: 'short' }) // '๒๕ มิ.ย. ๒๕๖๖'
 * formatThaiDate('2023-01-10', { era: true, digits: 'ARABIC' }) // '10 มกราคม พ.ศ. 2566'
 * ```
 */
export function formatThaiDate(date: DateInput, options: ThaiDateFormatOptions = {}): string {
  const { style = 'full', era = false, digits = 'THAI' } = options;
  const { year, month, day } = toCalendarDate(date);
  const text = `${day} ${monthName(month, style)} ${era ? `${ERA} ` : ''}${year + BUDDHIST_ERA_OFFSET}`;
  return applyDigitStyle(text, digits);
}

const MONTH_BY_NAME = new Map<string, number>(
  [...thaiMonthNames.full, ...thaiMonthNames.short].map((name, index) => [name, (index % 12) + 1]),
);
// Longest names first, so no alternative stops at a shorter name's end.
const MONTH_PATTERN = [...MONTH_BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replaceAll('.', String.raw`\.`))
  .join('|');
const THAI_DATE = new RegExp(String.raw`^(\d{1,2})\s*(${MONTH_PATTERN})\s*(?:พ\.ศ\.\s*)?(\d{1,5})$`);

/**
 * Reads a Thai date in any form {@link formatThaiDate} prints (full or short month, with or without "พ.ศ.", Thai or
 * Arabic digits, Buddhist-era year) and returns the ISO calendar date "YYYY-MM-DD". Spaces between the parts may
 * be missing or repeated.
 *
 * @throws ThaiDateParseError when the text is not such a date.
 * @throws NonexistentDateError when the day does not exist, e.g. "๒๙ กุมภาพันธ์ ๒๕๖๖".
 *
 * @example
 * ```ts
 * parseThaiDate('๑๔ เมษายน ๒๕๖๖') // '2023-04-14'
 * parseThaiDate('25 มิ.ย. พ.ศ. 2566') // '2023-06-25'
 * ```
 */
export function parseThaiDate(text: string): string {
  const match = THAI_DATE.exec(applyDigitStyle(String(text).trim(), 'ARABIC'));
  if (!match) throw new ThaiDateParseError(text);
  const [, dayText = '', name = '', yearText = ''] = match;
  const month = MONTH_BY_NAME.get(name) ?? 0;
  return toIsoDate(checkedCalendarDate(text, Number(yearText) - BUDDHIST_ERA_OFFSET, month, Number(dayText)));
}
