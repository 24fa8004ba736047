import type { TextVisitor } from './content-stream.js';
import { NUL, type PageFont } from './page-fonts.js';
import { type IncrementalUpdate, pdfTextString } from './pdf-objects.js';

// Readers that ignore /ActualText (pdf.js, many indexers) read each glyph through the font's ToUnicode, where Skia
// maps its unencoded variants (a mai ek shifted down-left, a sara i shifted left) to U+0000: "ที\0". What such a
// glyph draws is learnt from Skia's cluster spans, and the ToUnicode gets a new version that says so.

/** Glyphs a ToUnicode maps to U+0000, drawn in one of Skia's cluster spans, and the text they draw together. */
export interface SilentCluster {
  readonly glyphs: readonly { readonly font: PageFont; readonly glyph: number }[];
  readonly text: string;
}

/**
 * Sara am (ำ) is drawn as a nikhahit and a sara aa, glyphs the ToUnicode maps to ํ and า: a span's text is read with
 * it so written (Unicode's compatibility decomposition), or the tone mark of "น้ำ" could not be told apart.
 */
const SARA_AM = /\u0E33/g;
const NIKHAHIT_SARA_AA = '\u0E4D\u0E32';

/**
 * A pass that adds to `clusters` each of Skia's cluster spans that draws glyphs its ToUnicode maps to U+0000, with
 * what they draw: the span's text without the characters of its other glyphs (in order). Spans that leave it
 * unclear (a glyph the font does not map, text that does not hold the other glyphs', anything but glyphs drawn
 * inside) are left out.
 *
 * @example
 * ```ts
 * const clusters: SilentCluster[] = [];
 * interpretText(stream, fonts, silentClusterPass(clusters));
 * ```
 */
export function silentClusterPass(clusters: SilentCluster[]): TextVisitor<PageFont> {
  let span: { text: string; mapped: string; glyphs: SilentCluster['glyphs'][number][]; clear: boolean } | undefined;
  return {
    actualText(_, text) {
      if (text !== undefined) {
        span = { text: text.replace(SARA_AM, NIKHAHIT_SARA_AA), mapped: '', glyphs: [], clear: span === undefined };
        return;
      }
      if (span?.clear && span.glyphs.length > 0) {
        const silent = textWithout(span.text, span.mapped);
        if (silent) clusters.push({ glyphs: span.glyphs, text: silent });
      }
      span = undefined;
    },
    glyphs(run) {
      if (!span) return;
      const font = run.font;
      if (!font) {
        span.clear = false;
        return;
      }
      for (let index = 0; index < run.glyphCount; index++) {
        const glyph = run.glyph(index);
        const text = font.unicode[glyph];
        if (text === NUL) span.glyphs.push({ font, glyph });
        else if (text) span.mapped += text;
        else span.clear = false;
      }
    },
    textObject() {
      if (span) span.clear = false;
    },
    other() {
      if (span) span.clear = false;
    },
  };
}

/**
 * Adds to `update` a new version of every ToUnicode CMap of `clusters`' fonts with the glyphs it maps to U+0000 mapped
 * to what the clusters tell they draw.
 *
 * @example
 * ```ts
 * addSilentGlyphTexts(update, clusters);
 * ```
 */
export function addSilentGlyphTexts(update: IncrementalUpdate, clusters: readonly SilentCluster[]): void {
  for (const [{ nulToUnicode }, texts] of silentGlyphTexts(clusters)) {
    if (!nulToUnicode) continue;
    const named = withSilentGlyphTexts(nulToUnicode.cmap, texts);
    if (named !== nulToUnicode.cmap) update.addStream(nulToUnicode.objectNumber, Buffer.from(named, 'latin1'));
  }
}

/**
 * The text of each glyph of `clusters`, by font: a cluster with one such glyph gives it the cluster's text; one with
 * more gives the last unknown one what the known others leave ("ปิ่" draws its sara i and mai ek both shifted).
 * A glyph two clusters disagree about gets null: it is left alone.
 */
function silentGlyphTexts(clusters: readonly SilentCluster[]): Map<PageFont, Map<number, string | null>> {
  const texts = new Map<PageFont, Map<number, string | null>>();
  const textOf = (font: PageFont, glyph: number) => texts.get(font)?.get(glyph);
  let pending = clusters;
  while (pending.length > 0) {
    // What earlier rounds learned; a round does not build on its own findings.
    const known = new Map([...texts].map(([font, glyphs]) => [font, new Map(glyphs)]));
    const unresolved: SilentCluster[] = [];
    for (const cluster of pending) {
      const unknown = cluster.glyphs.filter(({ font, glyph }) => typeof known.get(font)?.get(glyph) !== 'string');
      if (unknown.length > 1) unresolved.push(cluster);
      const only = unknown[0];
      if (unknown.length !== 1 || !only || textOf(only.font, only.glyph) === null) continue;
      const others = cluster.glyphs.map(({ font, glyph }) => known.get(font)?.get(glyph) ?? '').join('');
      const text = textWithout(cluster.text, others);
      if (!text) continue;
      let glyphs = texts.get(only.font);
      if (!glyphs) {
        glyphs = new Map();
        texts.set(only.font, glyphs);
      }
      const earlier = glyphs.get(only.glyph);
      glyphs.set(only.glyph, earlier === undefined || earlier === text ? text : null);
    }
    if (unresolved.length === pending.length) break;
    pending = unresolved;
  }
  return texts;
}

/** `text` without `characters`, taken out in order; undefined when they are not all there. */
function textWithout(text: string, characters: string): string | undefined {
  let rest = '';
  let at = 0;
  for (const character of characters) {
    const found = text.indexOf(character, at);
    if (found < 0) return undefined;
    rest += text.slice(at, found);
    at = found + character.length;
  }
  return rest + text.slice(at);
}

/**
 * The ToUnicode CMap with the glyphs it maps to U+0000 mapped to the text `texts` found for them (null: left alone),
 * so readers that ignore /ActualText (pdf.js, indexers) read "ที่", not "ที\0".
 */
function withSilentGlyphTexts(cmap: string, texts: ReadonlyMap<number, string | null>): string {
  return cmap.replace(/beginbfchar[\s\S]*?endbfchar/g, (section) =>
    section.replace(/<([0-9A-Fa-f]{4})>(\s*)<0000>/g, (entry, glyph: string, space: string) => {
      const text = texts.get(Number.parseInt(glyph, 16));
      return text ? `<${glyph}>${space}<${pdfTextString(text).slice('<FEFF'.length)}` : entry;
    }),
  );
}
