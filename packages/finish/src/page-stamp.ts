import type { PlacedUnit } from './continuation-lines.js';
import { type IncrementalUpdate, pdfTextString, UnexpectedPdfError } from './pdf-objects.js';
import { writtenNumber } from './stream-edits.js';

// Draws on a finished page without touching what it draws already: a new content stream after the page's own,
// which are wrapped in q … Q so whatever graphics state they leave does not carry over. What is drawn is marked as
// an artifact: screen readers skip it and the document's tags stay as they are.

/** One update's stamps: the "q" stream every stamped page shares, written once. */
export class PageStamps {
  readonly #update: IncrementalUpdate;
  #saveState: number | undefined;

  constructor(update: IncrementalUpdate) {
    this.#update = update;
  }

  /**
   * Adds a new version of the page `objectNumber` (its dictionary `dictionary`) that also draws `units`, and the
   * content stream that draws them. `fonts` gives the object number of every font they use.
   *
   * @example
   * ```ts
   * stamps.stamp(page.objectNumber, page.dictionary, placeContinuation(words, slash, dot, width, {}));
   * ```
   */
  stamp(objectNumber: number, dictionary: string, units: readonly PlacedUnit[]): void {
    const names = fontNames(dictionary);
    const added = new Map<number, string>();
    for (const unit of units) {
      for (const { fontObject } of unit.runs) {
        if (names.has(fontObject) || added.has(fontObject)) continue;
        added.set(fontObject, `SarabanF${fontObject}`);
      }
    }
    const nameOf = (fontObject: number) => names.get(fontObject) ?? (added.get(fontObject) as string);
    if (this.#saveState === undefined) {
      this.#saveState = this.#update.newObjectNumber();
      this.#update.addStream(this.#saveState, Buffer.from('q\n', 'latin1'));
    }
    const content = this.#update.newObjectNumber();
    this.#update.addStream(content, Buffer.from(stampContent(units, nameOf), 'latin1'));
    this.#update.add(objectNumber, withContents(withFonts(dictionary, added), this.#saveState, content));
  }
}

/** The page's fonts: resource name by object number. */
function fontNames(dictionary: string): Map<number, string> {
  const names = new Map<number, string>();
  const fonts = /\/Font\s*<<([^>]*)>>/.exec(dictionary)?.[1] ?? '';
  for (const [, name, objectNumber] of fonts.matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
    if (!names.has(Number(objectNumber))) names.set(Number(objectNumber), name as string);
  }
  return names;
}

function withFonts(dictionary: string, added: ReadonlyMap<number, string>): string {
  if (added.size === 0) return dictionary;
  const entries = [...added].map(([objectNumber, name]) => `\n/${name} ${objectNumber} 0 R`).join('');
  if (/\/Font\s*<</.test(dictionary)) return dictionary.replace(/(\/Font\s*<<[^>]*)>>/, `$1${entries}>>`);
  if (/\/Resources\s*<</.test(dictionary))
    return dictionary.replace(/\/Resources\s*<</, `/Resources <</Font <<${entries}>>\n`);
  throw new UnexpectedPdfError('a page without a /Resources dictionary of its own');
}

function withContents(dictionary: string, saveState: number, content: number): string {
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dictionary);
  if (!contents?.[1]) throw new UnexpectedPdfError('a page without /Contents');
  const own = contents[1].startsWith('[') ? contents[1].slice(1, -1).trim() : contents[1];
  return dictionary.replace(contents[0], `/Contents [${saveState} 0 R ${own} ${content} 0 R]`);
}

/** The content stream that draws `units` after the page's own (which the shared "q" stream opened). */
function stampContent(units: readonly PlacedUnit[], nameOf: (fontObject: number) => string): string {
  const lines = ['Q', '/Artifact BMC', 'BT', '0 g'];
  let font = '';
  for (const unit of units) {
    if (unit.actualText !== undefined) lines.push(`/Span<</ActualText ${pdfTextString(unit.actualText)} >> BDC`);
    for (const run of unit.runs) {
      const fontLine = `/${nameOf(run.fontObject)} ${writtenNumber(run.size)} Tf`;
      if (fontLine !== font) lines.push(fontLine);
      font = fontLine;
      lines.push(
        `1 0 0 1 ${writtenNumber(run.x)} ${writtenNumber(run.y)} Tm`,
        `<${Buffer.from(run.codes).toString('hex').toUpperCase()}> Tj`,
      );
    }
    if (unit.actualText !== undefined) lines.push('EMC');
  }
  lines.push('ET', 'EMC', '');
  return lines.join('\n');
}
