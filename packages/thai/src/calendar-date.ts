import { InvalidDateError, NonexistentDateError } from './errors.js';

/**
 * A date this package accepts: a `Date`, read as its calendar day in the machine's time zone
 * (getFullYear/getMonth/getDate: the day a user sees on their clock), or an ISO calendar date "YYYY-MM-DD",
 * which is that day on every machine whatever its time zone.
 */
export type DateInput = Date | string;

/** A Gregorian calendar day; month 1..12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Difference between Buddhist-era and Gregorian years. */
export const BUDDHIST_ERA_OFFSET = 543;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a date input without any time-zone arithmetic on ISO strings. */
export function toCalendarDate(input: DateInput): CalendarDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new InvalidDateError(input, 'the Date is invalid');
    return { year: input.getFullYear(), month: input.getMonth() + 1, day: input.getDate() };
  }
  if (typeof input !== 'string') throw new InvalidDateError(input, 'expected a Date or an ISO date "YYYY-MM-DD"');
  const match = ISO_DATE.exec(input);
  if (!match) throw new InvalidDateError(input, 'expected an ISO calendar date "YYYY-MM-DD"');
  return checkedCalendarDate(input, Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Builds a calendar date, failing for a year outside 1..9999, a month outside 1..12, or a day the month lacks. */
export function checkedCalendarDate(text: string, year: number, month: number, day: number): CalendarDate {
  if (year < 1 || year > 9999) throw new InvalidDateError(text, `year ${year} CE is outside 1..9999`);
  if (month < 1 || month > 12) throw new InvalidDateError(text, `month ${month} is outside 1..12`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) throw new NonexistentDateError(text, year, month, day, days);
  return { year, month, day };
}

/** The ISO form "YYYY-MM-DD". */
export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
