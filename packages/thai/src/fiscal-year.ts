import { BUDDHIST_ERA_OFFSET, type DateInput, toCalendarDate } from './calendar-date.js';
import { applyDigitStyle, type DigitStyle } from './digits.js';
import { InvalidDateError } from './errors.js';
import { monthName } from './months.js';

/** The first month of the Thai government fiscal year: October. */
const FISCAL_YEAR_FIRST_MONTH = 10;

/**
 * The Thai government fiscal year (ปีงบประมาณ) a day falls in: 1 October to 30 September, named by the
 * Buddhist-era year it ends in.
 *
 * @example
 * ```ts
 * fiscalYear('2022-10-01') // 2566
 * fiscalYear('2023-09-30') // 2566
 * ```
 */
export function fiscalYear(date: DateInput): number {
  const { year, month } = toCalendarDate(date);
  return year + BUDDHIST_ERA_OFFSET + (month >= FISCAL_YEAR_FIRST_MONTH ? 1 : 0);
}

/** Options of {@link formatMonthRange}. */
export interface MonthRangeFormatOptions {
  /** Default 'THAI'. */
  readonly digits?: DigitStyle;
}

/**
 * A range of months as tables print it: short month names, each followed by the last two digits of its
 * Buddhist-era year, joined by "-". Only the month and year of each end count.
 *
 * @throws InvalidDateError when the range ends in a month before it starts.
 *
 * @example
 * ```ts
 * formatMonthRange('2021-10-01', '2022-09-30') // 'ต.ค.๖๔-ก.ย.๖๕'
 * ```
 */
export function formatMonthRange(start: DateInput, end: DateInput, options: MonthRangeFormatOptions = {}): string {
  const from = toCalendarDate(start);
  const to = toCalendarDate(end);
  if (to.year * 12 + to.month < from.year * 12 + from.month) {
    throw new InvalidDateError(end, `the range ends before its start ${JSON.stringify(start)}`);
  }
  const monthOfYear = ({ year, month }: { year: number; month: number }) =>
    monthName(month, 'short') + String((year + BUDDHIST_ERA_OFFSET) % 100).padStart(2, '0');
  return applyDigitStyle(`${monthOfYear(from)}-${monthOfYear(to)}`, options.digits ?? 'THAI');
}

/**
 * A range of days as tables print it: short month names, Buddhist-era years, the year said once when both ends share
 * it, one date when they are the same day.
 *
 * @throws InvalidDateError when the range ends before it starts.
 *
 * @example
 * ```ts
 * formatDayRange('2021-10-01', '2022-09-30') // '๑ ต.ค. ๒๕๖๔ - ๓๐ ก.ย. ๒๕๖๕'
 * formatDayRange('2023-01-01', '2023-01-31', { digits: 'ARABIC' }) // '1 ม.ค. - 31 ม.ค. 2566'
 * ```
 */
export function formatDayRange(start: DateInput, end: DateInput, options: MonthRangeFormatOptions = {}): string {
  const from = toCalendarDate(start);
  const to = toCalendarDate(end);
  const key = ({ year, month, day }: { year: number; month: number; day: number }) => (year * 12 + month) * 31 + day;
  if (key(to) < key(from)) throw new InvalidDateError(end, `the range ends before its start ${JSON.stringify(start)}`);
  const day = ({ month, day }: { month: number; day: number }) => `${day} ${monthName(month, 'short')}`;
  const year = (date: { year: number }) => String(date.year + BUDDHIST_ERA_OFFSET);
  const text =
    key(to) === key(from)
      ? `${day(from)} ${year(from)}`
      : from.year === to.year
        ? `${day(from)} - ${day(to)} ${year(to)}`
        : `${day(from)} ${year(from)} - ${day(to)} ${year(to)}`;
  return applyDigitStyle(text, options.digits ?? 'THAI');
}
