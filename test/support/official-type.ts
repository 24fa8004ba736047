import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Word } from './layout.js';

/**
 * TH SarabunPSK's advance widths, the yardstick of every official size. TH SarabunPSK itself is not free to ship;
 * TLWG's Laksaman is TH Sarabun New (the same design and widths) with its glyphs scaled up by 150.42 % (TLWG
 * changelog, 2014-05-01), so its widths divided by 1.5042 are TH SarabunPSK's, in em.
 */
const LAKSAMAN = {
  regular: '/usr/share/fonts/truetype/tlwg/Laksaman.ttf',
  bold: '/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf',
};
const LAKSAMAN_SCALE = 1.5042;

const references = new Map<keyof typeof LAKSAMAN, fontkit.Font>();

/** How wide `text` sets in TH SarabunPSK (or TH SarabunPSK Bold), in em (marks above and below take no width). */
export function referenceWidth(text: string, weight: keyof typeof LAKSAMAN = 'regular'): number {
  let reference = references.get(weight);
  if (!reference) {
    reference = fontkit.create(readFileSync(LAKSAMAN[weight])) as fontkit.Font;
    references.set(weight, reference);
  }
  return reference.layout(text).advanceWidth / reference.unitsPerEm / LAKSAMAN_SCALE;
}

/**
 * The size in TH SarabunPSK points that these printed words measure: their printed width against the width the
 * same text has in TH SarabunPSK. Measure words that are not stretched (the last line of a paragraph, a centred
 * title): justification widens the rest. Bold words are measured against TH SarabunPSK Bold.
 *
 * @example
 * expect(officialSize(lastLine.words)).toBeCloseTo(16, 0);
 */
export function officialSize(words: readonly Word[], weight: 'regular' | 'bold' = 'regular'): number {
  const printed = words.reduce((sum, word) => sum + (word.xMax - word.xMin), 0);
  const em = words.reduce((sum, word) => sum + referenceWidth(word.text, weight), 0);
  return printed / em;
}
