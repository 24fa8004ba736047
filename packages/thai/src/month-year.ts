import { BUDDHIST_ERA_OFFSET, type DateInput, toCalendarDate } from './calendar-date.js';
import { applyDigitStyle, type DigitStyle } from './digits.js';
import { monthName } from './months.js';

/** Options of {@link formatMonthYear}. */
export interface MonthYearFormatOptions {
  /** Default 'THAI'. */
  readonly digits?: DigitStyle;
}

/**
 * A month and its Buddhist-era year as covers and title pages print them, the day left out.
 *
 * @example
 * ```ts
 * formatMonthYear('2022-10-01') // 'ตุลาคม ๒๕๖๕'
 * formatMonthYear('2022-10-31', { digits: 'ARABIC' }) // 'ตุลาคม 2565'
 * ```
 */
export function formatMonthYear(date: DateInput, options: MonthYearFormatOptions = {}): string {
  const { year, month } = toCalendarDate(date);
  return applyDigitStyle(`${monthName(month, 'full')} ${year + BUDDHIST_ERA_OFFSET}`, options.digits ?? 'THAI');
}
