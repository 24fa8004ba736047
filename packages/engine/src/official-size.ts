/**
 * Official sizes are TH SarabunPSK points (formats.md, "Page and type"): a template's `16pt` means letters as large
 * as TH SarabunPSK's at 16 pt, whatever face prints them. Faces draw that design at different sizes on their em:
 * TLWG's Laksaman is TH Sarabun New enlarged 150.42 %, Google's Sarabun about 153 %. A face's scale is measured
 * from its own advance widths against TH SarabunPSK's, and its @font-face rules carry `size-adjust: 100% / scale`.
 */

/**
 * TH SarabunPSK's advance widths of the Thai consonants U+0E01 to U+0E2E, in thousandths of an em. TH SarabunPSK is
 * not free to ship; TH Sarabun New has the same design and widths, and TLWG's Laksaman is TH Sarabun New with its
 * glyphs scaled up by 150.42 % (TLWG changelog, 2014-05-01): these are Laksaman's widths divided by 1.5042.
 */
const REFERENCE_WIDTHS = [
  386, 378, 382, 393, 393, 408, 294, 367, 377, 378, 382, 519, 519, 425, 425, 342, 461, 532, 542, 391, 391, 378, 429,
  334, 419, 427, 427, 381, 381, 447, 447, 425, 400, 375, 322, 378, 381, 425, 334, 393, 437, 381, 427, 453, 387, 372,
] as const;
const FIRST_CONSONANT = 0x0e01;

/** What a face must tell about itself to be measured: fontkit's Font has both. */
export interface FaceMetrics {
  readonly unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { readonly advanceWidth: number };
}

/**
 * How much larger than TH SarabunPSK a face draws the same point size: the median, over the Thai consonants, of its
 * advance width divided by TH SarabunPSK's. 1 for a face of TH SarabunPSK's metrics (TH SarabunIT๙).
 *
 * @example
 * ```ts
 * const { create } = await import('fontkit');
 * faceScale(create(await readFile('/usr/share/fonts/truetype/tlwg/Laksaman.ttf'))) // 1.504
 * ```
 */
export function faceScale(face: FaceMetrics): number {
  const ratios = REFERENCE_WIDTHS.map(
    (reference, index) =>
      (face.glyphForCodePoint(FIRST_CONSONANT + index).advanceWidth / face.unitsPerEm) * (1000 / reference),
  ).sort((a, b) => a - b);
  const middle = ratios.length / 2;
  return ((ratios[middle - 1] as number) + (ratios[middle] as number)) / 2;
}

/**
 * Reads a font file (TrueType, OpenType, WOFF, WOFF2) and measures its {@link faceScale}. fontkit is imported only
 * here: it takes some 0.2 s to load, which only a face that is not built in has to pay.
 *
 * @example
 * ```ts
 * await measureFaceScale(await readFile('THSarabunIT๙.ttf')) // 1
 * ```
 */
export async function measureFaceScale(file: Uint8Array): Promise<number> {
  const { create } = await import('fontkit');
  const face = create(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  if (!('glyphForCodePoint' in face)) throw new TypeError('a font collection has no single scale');
  return faceScale(face);
}

/**
 * The `size-adjust` descriptor that makes a face of this scale print TH SarabunPSK points.
 *
 * @example
 * ```ts
 * sizeAdjust(1.5042) // 'size-adjust: 66.4805%;'
 * ```
 */
export function sizeAdjust(scale: number): string {
  return `size-adjust: ${(100 / scale).toFixed(4)}%;`;
}
