import type { PageAsset } from './asset-origin.js';

/** Characters of a page that its face does not draw. */
export interface GlyphCoverage {
  /** Drawn by the embedded fallback face instead, each once, in the order met. */
  readonly fallback: readonly string[];
  /** In no embedded face: Chromium would draw them in a system font, one the PDF's reader may not have. */
  readonly missing: readonly string[];
}

// Thai, Latin-1 and what no face draws as a glyph (controls, joiners, the byte-order mark): what every face Saraban
// accepts draws, or needs no glyph. A page holding nothing else is answered without reading a font.
const BEYOND_THAI_AND_LATIN_1 = /[^\t\n\r\u0020-\u00ff\u0e00-\u0e7f\u200b-\u200d\ufeff]/u;
const alwaysDrawn = (codePoint: number) =>
  codePoint <= 0xff ||
  (codePoint >= 0xe00 && codePoint <= 0xe7f) ||
  (codePoint >= 0x200b && codePoint <= 0x200d) ||
  codePoint === 0xfeff;

/** The code points some font files draw (their cmaps), read once per set of files. */
const characterSets = new WeakMap<object, Promise<ReadonlySet<number>>>();

/**
 * The code points the font files among `assets` draw, from their character maps; the same assets object is read
 * once. fontkit is loaded only when a page asks, as few pages hold a character beyond Thai and Latin-1.
 *
 * @example
 * ```ts
 * (await drawnCodePoints(fonts.assets)).has(0x0e01) // true: ก
 * ```
 */
export function drawnCodePoints(assets: ReadonlyMap<string, PageAsset>): Promise<ReadonlySet<number>> {
  let set = characterSets.get(assets);
  if (!set) {
    set = readCharacterSets(assets);
    characterSets.set(assets, set);
  }
  return set;
}

async function readCharacterSets(assets: ReadonlyMap<string, PageAsset>): Promise<ReadonlySet<number>> {
  const { create: openFont } = await import('fontkit');
  const codePoints = new Set<number>();
  for (const asset of assets.values()) {
    if (!asset.contentType.startsWith('font/')) continue;
    const font = openFont(Buffer.from(asset.body));
    if (!('characterSet' in font)) continue;
    for (const codePoint of font.characterSet) codePoints.add(codePoint);
  }
  return codePoints;
}

/**
 * Which characters of a page's text its face does not draw: those the fallback face draws, and those no embedded
 * face does. Only the text counts: tags, styles and attributes are left out.
 *
 * @example
 * ```ts
 * await glyphCoverage('<p>☐ ก →</p>', sarabun.assets, fallback.assets) // { fallback: ['☐'], missing: ['→'] }
 * ```
 */
export async function glyphCoverage(
  html: string,
  face: ReadonlyMap<string, PageAsset>,
  fallback: ReadonlyMap<string, PageAsset>,
): Promise<GlyphCoverage> {
  const text = html.replace(/<(style|script)\b[\s\S]*?<\/\1\s*>|<[^>]*>/gi, ' ');
  if (!BEYOND_THAI_AND_LATIN_1.test(text)) return { fallback: [], missing: [] };
  const [drawn, drawnByFallback] = await Promise.all([drawnCodePoints(face), drawnCodePoints(fallback)]);
  const seen = new Set<string>();
  const coverage = { fallback: [] as string[], missing: [] as string[] };
  for (const character of text) {
    if (seen.has(character)) continue;
    seen.add(character);
    const codePoint = character.codePointAt(0) ?? 0;
    if (alwaysDrawn(codePoint) || drawn.has(codePoint)) continue;
    (drawnByFallback.has(codePoint) ? coverage.fallback : coverage.missing).push(character);
  }
  return coverage;
}
