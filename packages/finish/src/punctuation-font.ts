import type { CharacterGlyph } from './continuation-lines.js';
import type { IncrementalUpdate } from './pdf-objects.js';

// "/" and "." for a continuation line whose document never draws them, so its fonts' subsets lack them: a Type 3
// font of those two glyphs, drawn as Sarabun draws them (outlines and advances from Sarabun Regular, 1000 units to
// the em). Readers get their text from the font's ToUnicode, and its box reaches as high and as low as the letters'
// font, so a reader sees one line of one size. It also has an "m" of 0.6 em that draws nothing: poppler sizes a
// Type 3 font's text by the width of its "m" against 0.6 em (or of its first glyph against 0.5 em), and would
// otherwise read "/" and "..." as text of half the size, on a line of their own.

const SLASH = { code: 0x2f, width: 415, box: '-24 -43 439 725', path: '356 725 m 439 725 l 59 -43 l -24 -43 l h f' };
const PERIOD = {
  code: 0x2e,
  width: 252,
  box: '64 -10 188 121',
  path:
    '126 -10 m 107.3 -10 92.3 -3.8 81 8.5 c 69.7 20.8 64 36.7 64 56 c 64 75.3 69.7 91 81 103 c 92.3 115 107.3 121 126 121 c ' +
    '144.7 121 159.7 115 171 103 c 182.3 91 188 75.3 188 56 c 188 36.7 182.3 20.8 171 8.5 c 159.7 -3.8 144.7 -10 126 -10 c h f',
};

const M_WIDTH = 600;

const TO_UNICODE = [
  '/CIDInit /ProcSet findresource begin',
  '12 dict begin',
  'begincmap',
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
  '/CMapName /Saraban-Punctuation-UCS def',
  '/CMapType 2 def',
  '1 begincodespacerange',
  '<00> <FF>',
  'endcodespacerange',
  '2 beginbfchar',
  '<2E> <002E>',
  '<2F> <002F>',
  'endbfchar',
  'endcmap',
  'CMapName currentdict /CMap defineresource pop',
  'end',
  'end',
].join('\n');

/**
 * Adds the punctuation font to `update` and returns its glyphs for "/" and ".". `ascent` and `descent` are those
 * of the font of the letters it goes with (thousandths of the font size).
 *
 * @example
 * ```ts
 * const { slash, dot } = addPunctuationFont(update, 1068, -232);
 * ```
 */
export function addPunctuationFont(
  update: IncrementalUpdate,
  ascent: number,
  descent: number,
): { slash: CharacterGlyph; dot: CharacterGlyph } {
  const font = update.newObjectNumber();
  // Codes 46 to 109: ".", "/", nothing, "m".
  const widths = Array.from({ length: 109 - 46 + 1 }, () => 0);
  widths[0] = PERIOD.width;
  widths[1] = SLASH.width;
  widths[109 - 46] = M_WIDTH;
  const [slash, period, m, toUnicode, descriptor] = Array.from({ length: 5 }, () => update.newObjectNumber()) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const box = `[-24 ${Math.min(descent, -43)} 439 ${Math.max(ascent, 725)}]`;
  update.add(
    descriptor,
    `<</Type /FontDescriptor\n/FontName /SarabanPunctuation\n/Flags 32\n/FontBBox ${box}\n/ItalicAngle 0\n` +
      `/Ascent ${ascent}\n/Descent ${descent}\n/CapHeight ${ascent}\n/StemV 80>>`,
  );
  const glyph = (character: typeof SLASH) => Buffer.from(`${character.width} 0 ${character.box} d1\n${character.path}`);
  update.addStream(slash, glyph(SLASH));
  update.addStream(period, glyph(PERIOD));
  update.addStream(m, Buffer.from(`${M_WIDTH} 0 0 0 0 0 d1`, 'latin1'));
  update.addStream(toUnicode, Buffer.from(TO_UNICODE, 'latin1'));
  update.add(
    font,
    `<</Type /Font\n/Subtype /Type3\n/FontBBox ${box}\n/FontDescriptor ${descriptor} 0 R\n/FontMatrix [0.001 0 0 0.001 0 0]\n` +
      `/CharProcs <</period ${period} 0 R\n/slash ${slash} 0 R\n/m ${m} 0 R>>\n` +
      `/Encoding <</Type /Encoding\n/Differences [46 /period /slash 109 /m]>>\n/FirstChar 46\n/LastChar 109\n` +
      `/Widths [${widths.join(' ')}]\n/Resources <<>>\n/ToUnicode ${toUnicode} 0 R>>`,
  );
  const character = (drawn: typeof SLASH): CharacterGlyph => ({
    fontObject: font,
    codes: new Uint8Array([drawn.code]),
    width: drawn.width,
  });
  return { slash: character(SLASH), dot: character(PERIOD) };
}
