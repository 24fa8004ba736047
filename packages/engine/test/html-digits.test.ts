import { describe, expect, it } from 'vitest';
import { convertHtmlDigits } from '../src/html-digits.js';
import { renderInlineMarkup } from '../src/inline-markup.js';

describe('convertHtmlDigits', () => {
  it('converts text, the title included, but not tags, attributes, styles or kept elements', () => {
    const html =
      '<title>ปี 2566</title><style>.a1 { width: 50% }</style><p class="c2" data-n="3">ข้อ 1 ' +
      '<span data-digits="keep">ISO 9001 <b>v2</b></span> และ 4</p><img src="x5.png"><p>6</p>';
    expect(convertHtmlDigits(html, 'THAI')).toBe(
      '<title>ปี ๒๕๖๖</title><style>.a1 { width: 50% }</style><p class="c2" data-n="3">ข้อ ๑ ' +
        '<span data-digits="keep">ISO 9001 <b>v2</b></span> และ ๔</p><img src="x5.png"><p>๖</p>',
    );
  });

  it('keeps the digits of URLs and e-mail addresses, and of character references', () => {
    const html = '<p>ดู https://example.go.th/a/115?x=1&amp;y=2 หรือ plan2024@example.go.th ข้อ 3 &#x3D; &frac12;</p>';
    expect(convertHtmlDigits(html, 'THAI')).toBe(
      '<p>ดู https://example.go.th/a/115?x=1&amp;y=2 หรือ plan2024@example.go.th ข้อ ๓ = &frac12;</p>',
    );
  });

  it('turns Thai digits into Arabic for ARABIC documents', () => {
    expect(convertHtmlDigits('<p>วันที่ ๑๔ เมษายน ๒๕๖๖</p>', 'ARABIC')).toBe('<p>วันที่ 14 เมษายน 2566</p>');
  });

  it('reads a ">" inside a quoted attribute as part of the tag', () => {
    expect(convertHtmlDigits('<p title="a > 1">2</p>', 'THAI')).toBe('<p title="a > 1">๒</p>');
  });
});

describe('renderInlineMarkup', () => {
  it('prints bold, underline and literal spans, and escapes everything else', () => {
    expect(renderInlineMarkup('**หนา** __ขีดเส้น__ `ISO 9001` <b>x</b> & "y"')).toBe(
      '<strong>หนา</strong> <u>ขีดเส้น</u> <span data-digits="keep">ISO 9001</span> &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;',
    );
  });

  it('nests pairs and prints markers without a partner, or crossing another pair, as typed', () => {
    expect(renderInlineMarkup('**a __b__ c**')).toBe('<strong>a <u>b</u> c</strong>');
    expect(renderInlineMarkup('**a __b** c__')).toBe('**a <u>b** c</u>');
    expect(renderInlineMarkup('2 * 3 = 6, a_b, `open')).toBe('2 * 3 = 6, a_b, `open');
  });

  it('prints a run of markers with nothing between them as typed: ***** is five stars, not one', () => {
    expect(renderInlineMarkup('คะแนน *****')).toBe('คะแนน *****');
    expect(renderInlineMarkup('ลงชื่อ ____ และ ****')).toBe('ลงชื่อ ____ และ ****');
    expect(renderInlineMarkup('**ก****ข**')).toBe('<strong>ก</strong><strong>ข</strong>');
  });

  it('marks web and e-mail addresses so a long one may break', () => {
    expect(renderInlineMarkup('ที่ www.example.go.th/a/1. หรือ a@b.go.th')).toBe(
      'ที่ <span class="address">www.example.go.th/a/1</span>. หรือ <span class="address">a@b.go.th</span>',
    );
  });
});
