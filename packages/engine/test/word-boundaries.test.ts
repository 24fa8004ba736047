import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markLineBreaks } from '../src/line-break-html.js';
import { wordBoundaries } from '../src/word-boundaries.js';
import { templatesDir } from './document-fixture.js';

/** Every text of the templates' examples, one after another: some tens of thousands of characters of real documents. */
function exampleTexts(): string {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') for (const field of Object.values(value)) collect(field);
  };
  for (const template of readdirSync(templatesDir).filter((name) => !name.startsWith('_'))) {
    const dir = join(templatesDir, template, 'examples');
    for (const file of readdirSync(dir)) collect(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return texts.join(' ');
}

const icu = new Intl.Segmenter('th', { granularity: 'word' });
const onePass = (text: string) => Array.from(icu.segment(text), ({ index }) => index);

describe('wordBoundaries: ICU word boundaries, window by window', () => {
  const segment = Intl.Segmenter.prototype.segment;
  afterEach(() => {
    Intl.Segmenter.prototype.segment = segment;
  });

  // One pass is the slow way: 20,000 characters of it take a second or two.
  const text = exampleTexts().slice(0, 20_000);

  it('finds exactly what one pass over the whole text finds, in text with spaces', () => {
    expect(text.length).toBe(20_000);
    expect(wordBoundaries(text)).toEqual(onePass(text));
    expect(wordBoundaries('x'.repeat(5000))).toEqual([0]);
  });

  it('in thousands of letters without a space, differs from one pass at a window edge at most', () => {
    const unspaced = text.replace(/\s+/g, '');
    const windowed = new Set(wordBoundaries(unspaced));
    const whole = new Set(onePass(unspaced));
    const differences = [...windowed].filter((offset) => !whole.has(offset)).length;
    const missing = [...whole].filter((offset) => !windowed.has(offset)).length;
    expect(differences + missing).toBeLessThanOrEqual(Math.ceil(unspaced.length / 1024));
    expect(windowed.size).toBeGreaterThan(whole.size * 0.99);
  });

  it('marks a paragraph of 100,000 characters segmenting at most 2,048 at a time', () => {
    // V8's segment iterator takes time in proportion to the text it was given at every segment: the work of a
    // pass is its segments times its length, so the longest text given to it bounds the work per character.
    let longest = 0;
    Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
      longest = Math.max(longest, input.length);
      return segment.call(this, input);
    };
    const paragraph = 'การประชุมคณะกรรมการ '.repeat(5000);
    const html = markLineBreaks(`<p>${paragraph}</p>`);
    expect(html.replace(/<[^>]+>/g, '')).toBe(paragraph);
    expect(longest).toBeLessThanOrEqual(2048);
  });
});
