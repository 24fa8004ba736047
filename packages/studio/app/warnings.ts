import type { EditorProblem } from './editor.js';

/** A warning of a print, at the place in the example data it is about when that can be found. */
export interface LocatedWarning extends EditorProblem {
  file: string;
}

/**
 * Places a print's warnings in the example data it printed: a warning naming characters ("☐" (U+2610) drawn by the
 * fallback face) at the first of them in the example, a missing emblem at the example's "organization". Warnings
 * about nothing in the example are returned in `general`, to be listed without a place.
 *
 * @example
 * const { located, general } = locateWarnings(preview.warnings, 'examples/short-memo.json', exampleText);
 */
export function locateWarnings(
  warnings: readonly string[],
  file: string,
  source: string,
): { located: LocatedWarning[]; general: string[] } {
  const located: LocatedWarning[] = [];
  const general: string[] = [];
  for (const message of warnings) {
    const characters = [...message.matchAll(/"(.)" \(U\+[0-9A-F]{4,6}\)/gu)].map((match) => match[1] as string);
    const found = characters.map((character) => source.indexOf(character)).filter((index) => index >= 0);
    // The key's name, inside its quotes, so the mark underlines the word.
    const key = source.indexOf('"organization"');
    const emblem = /has no emblem/.test(message) && key >= 0 ? key + 1 : -1;
    const at = found.length > 0 ? Math.min(...found) : emblem;
    if (at < 0) {
      general.push(message);
      continue;
    }
    const lines = source.slice(0, at).split('\n');
    located.push({ file, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, message, severity: 'warning' });
  }
  return { located, general };
}
