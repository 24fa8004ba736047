import { describe, expect, it } from 'vitest';
import { type TextUnit, textLines } from '../src/continuation-lines.js';
import type { PageFont } from '../src/page-fonts.js';

const font = { ascent: 1000, descent: -300 } as unknown as PageFont;
const unit = (text: string, x: number, baseline: number): TextUnit => ({
  runs: [],
  text,
  spanned: false,
  x,
  baseline,
  advance: 10,
  size: 16,
  font,
});
const texts = (lines: readonly (readonly TextUnit[])[]) => lines.map((line) => line.map((each) => each.text));

describe('textLines', () => {
  it('puts the units in lines from the top down, each left to right', () => {
    const units = [unit('ข', 30, 700), unit('ก', 10, 700.3), unit('ค', 10, 680), unit(' ', 50, 680)];
    expect(texts(textLines(units))).toEqual([
      ['ก', 'ข'],
      ['ค', ' '],
    ]);
  });

  it('puts a unit within half a point of two baselines on the higher line only', () => {
    // Baselines 700.8 and 700 are more than half a point apart; 700.4 is within half a point of both.
    const units = [unit('ก', 10, 700.8), unit('ข', 10, 700), unit('ค', 30, 700.4)];
    const lines = textLines(units);
    expect(texts(lines)).toEqual([['ก', 'ค'], ['ข']]);
    expect(lines.flat()).toHaveLength(units.length);
  });
});
