import QRCode from 'qrcode';
import { describe, expect, test } from 'vitest';
import { chartSvg, FigureError, qrCodeSvg } from '../src/index.js';

const FACE = { fontFamily: 'Document Face' };
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);

describe('chartSvg', () => {
  test('every category, series name and value is a text element in the given face', () => {
    const svg = chartSvg(
      {
        kind: 'GROUPED_BAR',
        categories: ['IIT', 'EIT', 'OIT'],
        series: [
          { name: 'ปี 2564', values: [84.17, 79.3, 79.67] },
          { name: 'ปี 2565', values: [90.31, 85.64, 89.32] },
        ],
        valueLabel: 'คะแนน',
      },
      FACE,
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['IIT', 'EIT', 'OIT', 'ปี 2564', 'ปี 2565', 'คะแนน', '84.17', '90.31', '89.32']),
    );
    expect(svg).not.toMatch(/<script|<image|href=/);
    for (const style of svg.match(/<text[^>]*style="[^"]*"/g) ?? [])
      expect(style).toContain('font-family:Document Face');
  });

  test('labels too long to stand under their bars lie the bars down, each label on one line beside its bar', () => {
    const categories = ['การปฏิบัติหน้าที่', 'การใช้งบประมาณ', 'การใช้อำนาจ', 'การใช้ทรัพย์สิน', 'การแก้ไขปัญหาการทุจริต'];
    const svg = chartSvg({ kind: 'BAR', categories, series: [{ name: 'x', values: [95, 88, 91, 79, 84] }] }, FACE);
    expect(texts(svg)).toEqual(expect.arrayContaining(categories));
    // Beside the bars: upright, right-aligned against the category axis at the left. A line chart turns them.
    const label = (chart: string, category: string) =>
      new RegExp(`<text[^>]*text-anchor="end"[^>]*transform="translate\\([^>]*>${category}</text>`).test(chart);
    for (const category of categories) expect(label(svg, category), category).toBe(true);
    const line = chartSvg({ kind: 'LINE', categories, series: [{ name: 'x', values: [95, 88, 91, 79, 84] }] }, FACE);
    expect(texts(line)).toEqual(expect.arrayContaining(categories));
    expect(label(line, 'การใช้อำนาจ')).toBe(false);
  });

  test('a pie labels each slice with its name and value; text is escaped', () => {
    const svg = chartSvg(
      { kind: 'PIE', categories: ['ผ่าน', '<b>ไม่ผ่าน</b>'], series: [{ name: 'ผล', values: [7, 3] }] },
      FACE,
    );
    expect(texts(svg)).toEqual(expect.arrayContaining(['ผ่าน', '7', '&lt;b&gt;ไม่ผ่าน&lt;/b&gt;', '3']));
  });

  test('series that do not fit the categories or the kind are refused, naming the field', () => {
    const draw = (spec: Parameters<typeof chartSvg>[0]) => () => chartSvg(spec, FACE);
    expect(draw({ kind: 'LINE', categories: ['ก'], series: [{ name: 'x', values: [1, 2] }] })).toThrow(
      new FigureError('series[0].values', 'has 2 values for 1 categories'),
    );
    expect(draw({ kind: 'PIE', categories: ['ก'], series: [{ name: 'x', values: [-1] }] })).toThrow(FigureError);
    expect(draw({ kind: 'BAR', categories: [], series: [] })).toThrow('a chart needs at least one category');
  });
});

describe('qrCodeSvg', () => {
  test("draws qrcode's own symbol, module for module, with a four-module quiet zone, as vector paths", () => {
    const text = 'https://www.nacc.go.th/ita';
    const svg = qrCodeSvg(text);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const side = modules.size + 8;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
    // Paint the path's rectangles back onto a grid and compare with the library's matrix.
    const dark = new Set<string>();
    for (const [, x, y, run] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(run); i += 1) dark.add(`${Number(y) - 4},${Number(x) - 4 + i}`);
    }
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1) {
        expect(dark.has(`${row},${column}`), `${row},${column}`).toBe(Boolean(modules.get(row, column)));
      }
    }
    expect(qrCodeSvg(text)).toBe(svg);
  });

  test('refuses blank or over-long text', () => {
    expect(() => qrCodeSvg(' ')).toThrow('text must not be empty');
    expect(() => qrCodeSvg('x'.repeat(501))).toThrow('text is 501 characters; the limit is 500');
  });
});

test('the same chart drawn twice is the same SVG, so its page caches; two charts keep their style classes apart', () => {
  const spec = { kind: 'BAR', categories: ['ก'], series: [{ name: 'x', values: [1] }] } as const;
  const other = { kind: 'BAR', categories: ['ข'], series: [{ name: 'y', values: [2] }] } as const;
  const first = chartSvg(spec, FACE);
  expect(chartSvg(spec, FACE)).toBe(first);
  const classes = (svg: string) => new Set(svg.match(/\bzr[0-9a-f]{12}-\d+\b/g));
  expect(classes(first).size).toBeGreaterThan(0);
  const shared = [...classes(first)].filter((name) => classes(chartSvg(other, FACE)).has(name));
  expect(shared).toEqual([]);
});
