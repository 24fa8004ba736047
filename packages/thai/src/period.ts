import { BUDDHIST_ERA_OFFSET, type DateInput, toCalendarDate } from './calendar-date.js';
import { applyDigitStyle, convertDigits, type DigitStyle } from './digits.js';
import { InvalidDateError } from './errors.js';
import { monthName } from './months.js';

/**
 * A time longer than a day, as reports, covers and plans name it: a month ("ตุลาคม ๒๕๖๕"), a span of months
 * ("ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖") or words ("ภายในเดือนธันวาคม ๒๕๖๕"). Dates are ISO calendar dates; only their
 * month and year count.
 */
export type Period =
  | { readonly kind: 'MONTH'; readonly month: string }
  | { readonly kind: 'MONTHS'; readonly from: string; readonly to: string }
  | { readonly kind: 'WORDS'; readonly words: string };

/** Options of {@link formatPeriod} and {@link formatMonthSpan}. */
export interface PeriodFormatOptions {
  /** Default 'THAI'. */
  readonly digits?: DigitStyle;
}

/** Between the ends of a span of months: an en dash with a space either side, as agencies type it. */
const SPAN_DASH = ' – ';

/**
 * A span of months with full month names and Buddhist-era years: the year said once when both ends share it, one
 * month when they are the same month.
 *
 * @throws InvalidDateError when the span ends in a month before it starts.
 *
 * @example
 * ```ts
 * formatMonthSpan('2022-10-01', '2023-09-30') // 'ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖'
 * formatMonthSpan('2022-10-01', '2022-12-31') // 'ตุลาคม – ธันวาคม ๒๕๖๕'
 * formatMonthSpan('2022-10-01', '2022-10-31', { digits: 'ARABIC' }) // 'ตุลาคม 2565'
 * ```
 */
export function formatMonthSpan(from: DateInput, to: DateInput, options: PeriodFormatOptions = {}): string {
  const start = toCalendarDate(from);
  const end = toCalendarDate(to);
  const months = (date: { year: number; month: number }) => date.year * 12 + date.month;
  if (months(end) < months(start)) {
    throw new InvalidDateError(to, `the span ends before its start ${JSON.stringify(from)}`);
  }
  const year = (date: { year: number }) => date.year + BUDDHIST_ERA_OFFSET;
  const text =
    months(end) === months(start)
      ? `${monthName(start.month, 'full')} ${year(start)}`
      : start.year === end.year
        ? `${monthName(start.month, 'full')}${SPAN_DASH}${monthName(end.month, 'full')} ${year(end)}`
        : `${monthName(start.month, 'full')} ${year(start)}${SPAN_DASH}${monthName(end.month, 'full')} ${year(end)}`;
  return applyDigitStyle(text, options.digits ?? 'THAI');
}

/**
 * A period as printed, in the document's digits: a month and its year, a span of months, or the words given (their
 * digits converted, web addresses kept as typed).
 *
 * @throws InvalidDateError for a span that ends before it starts, or a date that is not an ISO calendar date.
 *
 * @example
 * ```ts
 * formatPeriod({ kind: 'MONTH', month: '2022-10-01' }) // 'ตุลาคม ๒๕๖๕'
 * formatPeriod({ kind: 'MONTHS', from: '2022-10-01', to: '2023-09-30' }) // 'ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖'
 * formatPeriod({ kind: 'WORDS', words: 'ภายในเดือนธันวาคม 2565' }) // 'ภายในเดือนธันวาคม ๒๕๖๕'
 * ```
 */
export function formatPeriod(period: Period, options: PeriodFormatOptions = {}): string {
  const digits = options.digits ?? 'THAI';
  switch (period.kind) {
    case 'MONTH':
      return formatMonthSpan(period.month, period.month, { digits });
    case 'MONTHS':
      return formatMonthSpan(period.from, period.to, { digits });
    case 'WORDS':
      return convertDigits(period.words, digits);
  }
}
