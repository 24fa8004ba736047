import { describe, expect, test } from 'vitest';
import { circularBookNumber, formatMonthSpan, formatPeriod, InvalidDateError, letterItemText } from '../src/index.js';

describe('formatMonthSpan', () => {
  test.each<[string, string, Parameters<typeof formatMonthSpan>[2], string]>([
    ['2022-10-01', '2023-09-30', {}, 'ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖'],
    ['2022-10-01', '2022-12-31', {}, 'ตุลาคม – ธันวาคม ๒๕๖๕'],
    ['2022-10-15', '2022-10-20', {}, 'ตุลาคม ๒๕๖๕'],
    ['2022-10-01', '2023-09-30', { digits: 'ARABIC' }, 'ตุลาคม 2565 – กันยายน 2566'],
  ])('%s to %s %j -> %s', (from, to, options, expected) => {
    expect(formatMonthSpan(from, to, options)).toBe(expected);
  });

  test('a span that ends before it starts is refused', () => {
    expect(() => formatMonthSpan('2023-01-01', '2022-12-31')).toThrow(InvalidDateError);
  });
});

describe('formatPeriod', () => {
  test('a month, a span of months and words, in either digits', () => {
    expect(formatPeriod({ kind: 'MONTH', month: '2022-10-31' })).toBe('ตุลาคม ๒๕๖๕');
    expect(formatPeriod({ kind: 'MONTHS', from: '2022-10-01', to: '2023-09-30' })).toBe('ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖');
    expect(formatPeriod({ kind: 'WORDS', words: 'ภายในเดือนธันวาคม 2565' })).toBe('ภายในเดือนธันวาคม ๒๕๖๕');
    expect(formatPeriod({ kind: 'WORDS', words: 'ภายในเดือนธันวาคม ๒๕๖๕' }, { digits: 'ARABIC' })).toBe(
      'ภายในเดือนธันวาคม 2565',
    );
  });

  test('words keep a web address as typed', () => {
    expect(formatPeriod({ kind: 'WORDS', words: 'ตามประกาศ https://www.example.go.th/2565' })).toBe(
      'ตามประกาศ https://www.example.go.th/2565',
    );
  });
});

describe('letterItemText', () => {
  test('title, book number, date and period in order; the count apart, "ชุด" unless another unit is given', () => {
    expect(
      letterItemText({ title: 'หนังสือกระทรวงมหาดไทย', bookNumber: 'มท 0209.3/ว 2305', date: '2023-05-10' }),
    ).toEqual({ text: 'หนังสือกระทรวงมหาดไทย ที่ มท ๐๒๐๙.๓/ว ๒๓๐๕ ลงวันที่ ๑๐ พฤษภาคม ๒๕๖๖', count: null });
    expect(
      letterItemText({
        title: 'รายงานผลการดำเนินงาน',
        period: { kind: 'MONTHS', from: '2022-10-01', to: '2023-03-31' },
        count: 2,
        unit: 'ฉบับ',
      }),
    ).toEqual({ text: 'รายงานผลการดำเนินงาน ตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖', count: 'จำนวน ๒ ฉบับ' });
    expect(letterItemText({ title: 'แบบรายงาน', count: 1 }, 'ARABIC')).toEqual({
      text: 'แบบรายงาน',
      count: 'จำนวน 1 ชุด',
    });
  });
});

describe('circularBookNumber', () => {
  test('ว before the running number, once', () => {
    expect(circularBookNumber('มท 0209.3/2305')).toBe('มท 0209.3/ว 2305');
    expect(circularBookNumber('มท ๐๒๐๙.๓/ว ๒๓๐๕')).toBe('มท ๐๒๐๙.๓/ว ๒๓๐๕');
    expect(circularBookNumber('ลพ ๕๑๐๐๙')).toBe('ลพ ๕๑๐๐๙');
  });
});
