import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { convertDigits, toArabicDigits, toThaiDigits } from '../src/index.js';

describe('toThaiDigits', () => {
  test.each([
    ['ปีงบประมาณ พ.ศ. 2566', 'ปีงบประมาณ พ.ศ. ๒๕๖๖'],
    ['0123456789', '๐๑๒๓๔๕๖๗๘๙'],
    ['ข้อ 1.2 วันที่ 14/04/2566 เวลา 10.30 น.', 'ข้อ ๑.๒ วันที่ ๑๔/๐๔/๒๕๖๖ เวลา ๑๐.๓๐ น.'],
    ['ที่ ลพ 51009/1234', 'ที่ ลพ ๕๑๐๐๙/๑๒๓๔'],
    ['no digits here', 'no digits here'],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(toThaiDigits(text)).toBe(expected);
  });

  test.each([
    // the address the second seed shows broken by blind conversion
    'https://www.nacc.go.th/uploads/service/115/x.pdf',
    'http://www.lampangcity.go.th/mains/backend/public/uploads/service/115/1497598744.pdf',
    'www.lamphunpao2.go.th/page/12',
    'example.go.th/uploads/service/115/x',
    'itas.nacc.go.th:8080/a/1',
    'saraban1@lamphun.go.th',
  ])('keeps %j as it is, alone and inside Thai text', (address) => {
    expect(toThaiDigits(address)).toBe(address);
    expect(toThaiDigits(`ดูที่ ${address} ภายใน 15 วัน`)).toBe(`ดูที่ ${address} ภายใน ๑๕ วัน`);
  });

  test('an address ends at Thai text, HTML markup and quotes', () => {
    expect(toThaiDigits('เว็บไซต์https://a.go.th/1และ 2')).toBe('เว็บไซต์https://a.go.th/1และ ๒');
    expect(toThaiDigits('<a href="http://a.go.th/p/5">http://a.go.th/p/5</a> 5')).toBe(
      '<a href="http://a.go.th/p/5">http://a.go.th/p/5</a> ๕',
    );
    expect(toThaiDigits('(<https://itas.nacc.go.th>) 2019')).toBe('(<https://itas.nacc.go.th>) ๒๐๑๙');
  });

  test('numbers that only look like domains are converted', () => {
    expect(toThaiDigits('ที่ มท 0810.4/ว 1234')).toBe('ที่ มท ๐๘๑๐.๔/ว ๑๒๓๔');
    expect(toThaiDigits('3.14/2 e.g./5')).toBe('๓.๑๔/๒ e.g./๕');
  });

  test('spans marked literal keep their digits; the rest is converted', () => {
    const literal = /`[^`]*`/g;
    expect(toThaiDigits('รหัส `A-2566-01` ข้อ 3', { literal })).toBe('รหัส `A-2566-01` ข้อ ๓');
    // a literal regex without the g flag still protects every match
    expect(toThaiDigits('`1` 2 `3`', { literal: /`[^`]*`/ })).toBe('`1` ๒ `3`');
  });
});

describe('toArabicDigits', () => {
  test('converts Thai digits in free text', () => {
    expect(toArabicDigits('๑๔ เมษายน ๒๕๖๖')).toBe('14 เมษายน 2566');
  });

  test('keeps literal spans', () => {
    expect(toArabicDigits('`๑๒` ๓', { literal: /`[^`]*`/g })).toBe('`๑๒` 3');
  });

  test('repairs an address that blind conversion broke, since an address ends at Thai text', () => {
    expect(toArabicDigits('http://www.lampangcity.go.th/uploads/service/๑๑๕/๑๔๙๗.pdf')).toBe(
      'http://www.lampangcity.go.th/uploads/service/115/1497.pdf',
    );
  });

  test('round-trips any text holding no Thai digits', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'https://www.nacc.go.th/uploads/service/115/x.pdf',
        'www.a1.go.th/2',
        'a.go.th/3',
        'x9@y8.go.th',
        'ปี ',
        ' 2566 ',
        '-',
        '.',
        '/',
        '@',
        '๑',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fragment).map((parts) => parts.join('')),
        (text) => {
          fc.pre(!/[\u0E50-\u0E59]/.test(text));
          expect(toArabicDigits(toThaiDigits(text))).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

test('convertDigits dispatches on the style', () => {
  expect(convertDigits('ข้อ 1 ๒', 'THAI')).toBe('ข้อ ๑ ๒');
  expect(convertDigits('ข้อ 1 ๒', 'ARABIC')).toBe('ข้อ 1 2');
  expect(convertDigits('a@b1.go.th 1', 'THAI')).toBe('a@b1.go.th ๑');
});
