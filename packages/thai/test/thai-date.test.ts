import { afterEach, describe, expect, test } from 'vitest';
import {
  formatMonthYear,
  formatThaiDate,
  InvalidDateError,
  NonexistentDateError,
  parseThaiDate,
  ThaiDateParseError,
  thaiMonthNames,
} from '../src/index.js';

describe('formatThaiDate', () => {
  test.each<[string, Parameters<typeof formatThaiDate>[1], string]>([
    ['2023-04-14', {}, '๑๔ เมษายน ๒๕๖๖'],
    ['2023-04-14', { style: 'full' }, '๑๔ เมษายน ๒๕๖๖'],
    ['2023-01-10', { era: true }, '๑๐ มกราคม พ.ศ. ๒๕๖๖'],
    ['2023-06-25', { style: 'short' }, '๒๕ มิ.ย. ๒๕๖๖'],
    ['2023-06-25', { style: 'short', era: true }, '๒๕ มิ.ย. พ.ศ. ๒๕๖๖'],
    ['2023-06-25', { style: 'short', digits: 'ARABIC' }, '25 มิ.ย. 2566'],
    ['2024-02-29', {}, '๒๙ กุมภาพันธ์ ๒๕๖๗'],
    ['2000-02-29', { digits: 'ARABIC' }, '29 กุมภาพันธ์ 2543'],
    ['1900-01-01', { digits: 'ARABIC' }, '1 มกราคม 2443'],
  ])('%s %j -> %s', (date, options, expected) => {
    expect(formatThaiDate(date, options)).toBe(expected);
  });

  test('prints every month by its name', () => {
    const full = Array.from({ length: 12 }, (_, index) => `2023-${String(index + 1).padStart(2, '0')}-01`).map((date) =>
      formatThaiDate(date, { digits: 'ARABIC' }),
    );
    expect(full).toEqual(thaiMonthNames.full.map((name) => `1 ${name} 2566`));
    expect(thaiMonthNames.short).toEqual([
      'ม.ค.',
      'ก.พ.',
      'มี.ค.',
      'เม.ย.',
      'พ.ค.',
      'มิ.ย.',
      'ก.ค.',
      'ส.ค.',
      'ก.ย.',
      'ต.ค.',
      'พ.ย.',
      'ธ.ค.',
    ]);
  });

  test('reads a Date as its calendar day in the local time zone', () => {
    expect(formatThaiDate(new Date(2023, 3, 14, 23, 59))).toBe('๑๔ เมษายน ๒๕๖๖');
    expect(formatThaiDate(new Date(2023, 3, 14, 0, 0))).toBe('๑๔ เมษายน ๒๕๖๖');
  });

  test.each([
    ['2023-02-29', NonexistentDateError],
    ['2023-04-31', NonexistentDateError],
    ['2023-04-00', NonexistentDateError],
    ['2023-13-01', InvalidDateError],
    ['2023-4-14', InvalidDateError],
    ['14/04/2023', InvalidDateError],
    ['2023-04-14T00:00:00Z', InvalidDateError],
    ['0000-01-01', InvalidDateError],
  ])('refuses %s', (date, error) => {
    expect(() => formatThaiDate(date)).toThrow(error);
  });

  test('refuses an invalid Date and a value that is not a date', () => {
    expect(() => formatThaiDate(new Date(Number.NaN))).toThrow(InvalidDateError);
    expect(() => formatThaiDate(20230414 as unknown as string)).toThrow(InvalidDateError);
  });
});

describe('the machine time zone does not change the day', () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would store the string "undefined".
    if (originalTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalTimeZone;
  });

  // Node applies a TZ change to later Date calls in the same process; the offsets prove it took effect.
  test.each([
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
    ['Asia/Bangkok', -420],
    ['UTC', 0],
  ])('%s', (timeZone, offsetMinutes) => {
    process.env.TZ = timeZone;
    expect(new Date(Date.UTC(2023, 3, 14)).getTimezoneOffset()).toBe(offsetMinutes);
    expect(formatThaiDate('2023-04-14')).toBe('๑๔ เมษายน ๒๕๖๖');
    expect(formatThaiDate('2023-01-01', { style: 'short' })).toBe('๑ ม.ค. ๒๕๖๖');
    expect(formatThaiDate('2023-12-31', { style: 'short' })).toBe('๓๑ ธ.ค. ๒๕๖๖');
    expect(parseThaiDate('๑๔ เมษายน ๒๕๖๖')).toBe('2023-04-14');
    expect(formatThaiDate(new Date(2023, 0, 1))).toBe('๑ มกราคม ๒๕๖๖');
  });
});

describe('parseThaiDate', () => {
  test.each([
    ['๑๔ เมษายน ๒๕๖๖', '2023-04-14'],
    ['14 เมษายน 2566', '2023-04-14'],
    ['๑๐ มกราคม พ.ศ. ๒๕๖๖', '2023-01-10'],
    ['๒๕ มิ.ย. ๒๕๖๖', '2023-06-25'],
    ['25 มิ.ย. พ.ศ.2566', '2023-06-25'],
    ['  ๑๔  เมษายน   ๒๕๖๖ ', '2023-04-14'],
    ['๑๔เมษายน๒๕๖๖', '2023-04-14'],
    ['01 ม.ค. 2443', '1900-01-01'],
    ['๒๙ กุมภาพันธ์ ๒๕๖๗', '2024-02-29'],
    ['๒๙ ก.พ. ๒๕๔๓', '2000-02-29'],
  ])('%j -> %s', (text, expected) => {
    expect(parseThaiDate(text)).toBe(expected);
  });

  test('29 February of a common year does not exist', () => {
    const call = () => parseThaiDate('๒๙ กุมภาพันธ์ ๒๕๖๖');
    expect(call).toThrow(NonexistentDateError);
    expect(call).toThrow('month 2 of 2023 (BE 2566) has 28 days');
    try {
      call();
    } catch (error) {
      expect(error).toMatchObject({ text: '๒๙ กุมภาพันธ์ ๒๕๖๖', year: 2023, month: 2, day: 29, daysInMonth: 28 });
    }
  });

  test.each(['๓๑ กุมภาพันธ์ ๒๕๖๖', '๓๑ เมษายน ๒๕๖๖', '๐ มกราคม ๒๕๖๖', '๒๙ ก.พ. ๒๔๔๓'])('%j does not exist', (text) => {
    expect(() => parseThaiDate(text)).toThrow(NonexistentDateError);
  });

  test.each(['', 'เมื่อวานนี้', '14 April 2566', '๑๔ เมษา ๒๕๖๖', '๑๔ เมษายน', '๑๔๔ เมษายน ๒๕๖๖', 'ก่อน ๑๔ เมษายน ๒๕๖๖'])(
    '%j is not a date',
    (text) => {
      expect(() => parseThaiDate(text)).toThrow(ThaiDateParseError);
    },
  );

  test('reads back every day from 1900-01-01 to 2200-12-31 in every printed form', () => {
    const forms: Array<Parameters<typeof formatThaiDate>[1]> = [];
    for (const style of ['full', 'short'] as const) {
      for (const digits of ['THAI', 'ARABIC'] as const) {
        for (const era of [false, true]) forms.push({ style, digits, era });
      }
    }
    const first = Date.UTC(1900, 0, 1);
    const last = Date.UTC(2200, 11, 31);
    let days = 0;
    // The expected ISO strings come from Date's UTC calendar, independent of this package's arithmetic.
    for (let time = first; time <= last; time += 86_400_000) {
      const iso = new Date(time).toISOString().slice(0, 10);
      for (const options of forms) {
        const text = formatThaiDate(iso, options);
        const parsed = parseThaiDate(text);
        if (parsed !== iso) expect(parsed, text).toBe(iso);
      }
      days++;
    }
    expect(days).toBe(109_938);
  });
});

describe('formatMonthYear', () => {
  test('prints the month and its Buddhist-era year, the day left out, in the digits asked for', () => {
    expect(formatMonthYear('2022-10-01')).toBe('ตุลาคม ๒๕๖๕');
    expect(formatMonthYear('2023-09-30', { digits: 'ARABIC' })).toBe('กันยายน 2566');
  });
});
