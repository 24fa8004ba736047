import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bahtText, formatBaht, formatNumber, InvalidAmountError, ThaiFormatError } from '../src/index.js';

describe('bahtText', () => {
  test.each<[number | string | bigint, string, string?]>([
    // [amount, default (เอ็ด after any digit), after-tens where it differs]
    [0, 'ศูนย์บาทถ้วน'],
    [1, 'หนึ่งบาทถ้วน'],
    [10, 'สิบบาทถ้วน'],
    [11, 'สิบเอ็ดบาทถ้วน'],
    [20, 'ยี่สิบบาทถ้วน'],
    [21, 'ยี่สิบเอ็ดบาทถ้วน'],
    [101, 'หนึ่งร้อยเอ็ดบาทถ้วน', 'หนึ่งร้อยหนึ่งบาทถ้วน'],
    [111, 'หนึ่งร้อยสิบเอ็ดบาทถ้วน'],
    [1001, 'หนึ่งพันเอ็ดบาทถ้วน', 'หนึ่งพันหนึ่งบาทถ้วน'],
    [1234, 'หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน'],
    [1_000_000, 'หนึ่งล้านบาทถ้วน'],
    [1_000_001, 'หนึ่งล้านเอ็ดบาทถ้วน', 'หนึ่งล้านหนึ่งบาทถ้วน'],
    [1_000_011, 'หนึ่งล้านสิบเอ็ดบาทถ้วน'],
    [11_000_000, 'สิบเอ็ดล้านบาทถ้วน'],
    [21_000_000, 'ยี่สิบเอ็ดล้านบาทถ้วน'],
    [101_000_000, 'หนึ่งร้อยเอ็ดล้านบาทถ้วน', 'หนึ่งร้อยหนึ่งล้านบาทถ้วน'],
    [5_001_000_000, 'ห้าพันเอ็ดล้านบาทถ้วน', 'ห้าพันหนึ่งล้านบาทถ้วน'],
    [5_001_000_500, 'ห้าพันเอ็ดล้านห้าร้อยบาทถ้วน', 'ห้าพันหนึ่งล้านห้าร้อยบาทถ้วน'],
    [1_000_000_000_000, 'หนึ่งล้านล้านบาทถ้วน'],
    ['1000001000000', 'หนึ่งล้านเอ็ดล้านบาทถ้วน', 'หนึ่งล้านหนึ่งล้านบาทถ้วน'],
    [0.01, 'หนึ่งสตางค์'],
    [0.11, 'สิบเอ็ดสตางค์'],
    [0.5, 'ห้าสิบสตางค์'],
    [1.01, 'หนึ่งบาทหนึ่งสตางค์'],
    [1.5, 'หนึ่งบาทห้าสิบสตางค์'],
    ['1.50', 'หนึ่งบาทห้าสิบสตางค์'],
    [1_000_000.25, 'หนึ่งล้านบาทยี่สิบห้าสตางค์'],
    [1234.5, 'หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์'],
    [0.1 + 0.2, 'สามสิบสตางค์'],
    // satang rounded half-up to 2 places
    [1.005, 'หนึ่งบาทหนึ่งสตางค์'],
    [1.004, 'หนึ่งบาทถ้วน'],
    ['0.995', 'หนึ่งบาทถ้วน'],
    ['999999.995', 'หนึ่งล้านบาทถ้วน'],
    ['0.004', 'ศูนย์บาทถ้วน'],
    [-12.5, 'ลบสิบสองบาทห้าสิบสตางค์'],
    [-0.001, 'ศูนย์บาทถ้วน'],
    [21n, 'ยี่สิบเอ็ดบาทถ้วน'],
    [-101n, 'ลบหนึ่งร้อยเอ็ดบาทถ้วน', 'ลบหนึ่งร้อยหนึ่งบาทถ้วน'],
    ['1,234.50', 'หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์'],
    ['๑,๒๓๔.๕๐', 'หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์'],
    [
      '999999999999999.99',
      'เก้าร้อยเก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทเก้าสิบเก้าสตางค์',
    ],
  ])('%s', (amount, expected, afterTens) => {
    expect(bahtText(amount)).toBe(expected);
    expect(bahtText(amount, { ed: 'after-any-digit' })).toBe(expected);
    expect(bahtText(amount, { ed: 'after-tens' })).toBe(afterTens ?? expected);
  });

  test.each<[unknown, string]>([
    [Number.NaN, 'not a finite number'],
    [Number.POSITIVE_INFINITY, 'not a finite number'],
    [1e15, 'pass a string or bigint'],
    [-1e15, 'pass a string or bigint'],
    ['twelve', 'not a decimal number'],
    ['', 'not a decimal number'],
    ['1,23', 'not a decimal number'],
    ['1.2.3', 'not a decimal number'],
    [null, 'expected a number, a bigint or a decimal string'],
  ])('refuses %s', (amount, reason) => {
    const call = () => bahtText(amount as number);
    expect(call).toThrow(InvalidAmountError);
    expect(call).toThrow(ThaiFormatError);
    expect(call).toThrow(reason);
  });

  test('a string or bigint from 10^15 up is read exactly', () => {
    expect(bahtText(10n ** 15n)).toBe('หนึ่งพันล้านล้านบาทถ้วน');
    expect(bahtText('1000000000000001.01')).toBe('หนึ่งพันล้านล้านเอ็ดบาทหนึ่งสตางค์');
  });

  test('never says หนึ่งสิบ or สองสิบ', () => {
    const amount = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
      fc
        .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 999 }))
        .map(([integer, fraction]) => `${integer}.${String(fraction).padStart(3, '0')}`),
      fc.double({ min: 0, max: 1e15, noNaN: true, maxExcluded: true }),
    );
    const ed = fc.constantFrom('after-any-digit' as const, 'after-tens' as const);
    fc.assert(
      fc.property(amount, ed, (value, rule) => {
        const text = bahtText(value, { ed: rule });
        expect(text).not.toMatch(/หนึ่งสิบ|สองสิบ/);
        expect(text).toMatch(/(บาทถ้วน|สตางค์)$/);
      }),
      { numRuns: 3000 },
    );
  });

  test('a number and its decimal string read the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.integer({ min: 0, max: 99 }), (baht, satang) => {
        const text = `${baht}.${String(satang).padStart(2, '0')}`;
        expect(bahtText(Number(text))).toBe(bahtText(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatNumber', () => {
  test.each<[number | string | bigint, Parameters<typeof formatNumber>[1], string]>([
    [1234567, {}, '๑,๒๓๔,๕๖๗'],
    [1234567, { digits: 'ARABIC' }, '1,234,567'],
    [1234567, { grouping: false }, '๑๒๓๔๕๖๗'],
    [1234.5, { decimals: 2 }, '๑,๒๓๔.๕๐'],
    [1.005, { decimals: 2, digits: 'ARABIC' }, '1.01'],
    [2.5, { decimals: 0, digits: 'ARABIC' }, '3'],
    [-2.5, { decimals: 0, digits: 'ARABIC' }, '-3'],
    [-0.004, { decimals: 2, digits: 'ARABIC' }, '0.00'],
    [999.999, { decimals: 2, digits: 'ARABIC' }, '1,000.00'],
    [0.1 + 0.2, { digits: 'ARABIC' }, '0.30000000000000004'],
    [1e21, { digits: 'ARABIC' }, '1,000,000,000,000,000,000,000'],
    [1.5e-7, { digits: 'ARABIC' }, '0.00000015'],
    [123456789012345678901234567890n, { digits: 'ARABIC' }, '123,456,789,012,345,678,901,234,567,890'],
    ['1000000.25', { digits: 'ARABIC' }, '1,000,000.25'],
    [100, {}, '๑๐๐'],
  ])('%s %j -> %s', (amount, options, expected) => {
    expect(formatNumber(amount, options)).toBe(expected);
  });

  test('refuses a decimals count that is not a whole number from 0', () => {
    expect(() => formatNumber(1, { decimals: -1 })).toThrow(InvalidAmountError);
    expect(() => formatNumber(1, { decimals: 1.5 })).toThrow(InvalidAmountError);
  });
});

describe('formatBaht', () => {
  test.each<[number | string, Parameters<typeof formatBaht>[1], string]>([
    [1234.5, {}, '๑,๒๓๔.๕๐ บาท (หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์)'],
    [1234.5, { digits: 'ARABIC' }, '1,234.50 บาท (หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์)'],
    [101, { ed: 'after-tens' }, '๑๐๑.๐๐ บาท (หนึ่งร้อยหนึ่งบาทถ้วน)'],
    ['1.005', {}, '๑.๐๑ บาท (หนึ่งบาทหนึ่งสตางค์)'],
    [0, {}, '๐.๐๐ บาท (ศูนย์บาทถ้วน)'],
  ])('%s %j', (amount, options, expected) => {
    expect(formatBaht(amount, options)).toBe(expected);
  });
});
