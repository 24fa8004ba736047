import { describe, expect, test } from 'vitest';
import { fiscalYear, formatMonthRange, InvalidDateError } from '../src/index.js';

describe('fiscalYear', () => {
  test.each([
    ['2022-09-30', 2565],
    ['2022-10-01', 2566],
    ['2023-01-01', 2566],
    ['2023-09-30', 2566],
    ['2023-10-01', 2567],
    ['2023-12-31', 2567],
  ])('%s is in ปีงบประมาณ %i', (date, expected) => {
    expect(fiscalYear(date)).toBe(expected);
  });

  test('reads a Date as its local calendar day', () => {
    expect(fiscalYear(new Date(2023, 8, 30, 23, 59))).toBe(2566);
    expect(fiscalYear(new Date(2023, 9, 1, 0, 0))).toBe(2567);
  });
});

describe('formatMonthRange', () => {
  test.each<[string, string, Parameters<typeof formatMonthRange>[2], string]>([
    ['2021-10-01', '2022-09-30', {}, 'ต.ค.๖๔-ก.ย.๖๕'],
    ['2021-10-01', '2022-09-30', { digits: 'ARABIC' }, 'ต.ค.64-ก.ย.65'],
    ['2023-01-15', '2023-06-30', {}, 'ม.ค.๖๖-มิ.ย.๖๖'],
    ['2057-01-01', '2057-12-31', { digits: 'ARABIC' }, 'ม.ค.00-ธ.ค.00'],
    ['2023-05-01', '2023-05-31', { digits: 'ARABIC' }, 'พ.ค.66-พ.ค.66'],
  ])('%s to %s %j -> %s', (start, end, options, expected) => {
    expect(formatMonthRange(start, end, options)).toBe(expected);
  });

  test('refuses a range that ends before it starts', () => {
    expect(() => formatMonthRange('2022-09-30', '2021-10-01')).toThrow(InvalidDateError);
    expect(() => formatMonthRange('2022-09-30', '2022-08-31')).toThrow('ends before');
  });
});
