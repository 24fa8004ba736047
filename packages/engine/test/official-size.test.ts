import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCALES } from '../src/fonts.js';
import { measureFaceScale, sizeAdjust } from '../src/official-size.js';

describe('official sizes are TH SarabunPSK points, whatever the face', () => {
  it("each built-in face's scale is what its regular file measures", async () => {
    const sarabun = createRequire(import.meta.url).resolve('@fontsource/sarabun/files/sarabun-thai-400-normal.woff2');
    const laksaman = '/usr/share/fonts/truetype/tlwg/Laksaman.ttf';
    expect(await measureFaceScale(await readFile(sarabun))).toBeCloseTo(BUILT_IN_SCALES.sarabun, 3);
    expect(await measureFaceScale(await readFile(laksaman))).toBeCloseTo(BUILT_IN_SCALES.laksaman, 3);
    // TLWG's changelog: Laksaman is TH Sarabun New with its glyphs scaled up by 150.42 %.
    expect(BUILT_IN_SCALES.laksaman).toBeCloseTo(1.5042, 2);
    // Google's Sarabun draws the same design about 1.53 times as large.
    expect(BUILT_IN_SCALES.sarabun).toBeCloseTo(1.53, 2);
  });

  it('size-adjust shrinks a face by its scale', () => {
    expect(sizeAdjust(1.5042)).toBe('size-adjust: 66.4805%;');
    expect(sizeAdjust(1)).toBe('size-adjust: 100.0000%;');
  });
});
