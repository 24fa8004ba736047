import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ASSET_ORIGIN, type PageAsset } from './asset-origin.js';
import { FONT_FAMILY } from './fonts.js';

/** The face that draws what the document's face lacks: check boxes, arrows, pointing hands, math. */
export const FALLBACK_FACE_NAME = 'Noto Sans Symbols 2';

/** The subsets of Noto Sans Symbols 2 the fallback embeds when a page needs them (about 200 KiB in all). */
const SUBSETS = ['symbols', 'math'] as const;

/** The fallback face: @font-face rules for {@link FONT_FAMILY} and the files they load. */
export interface FallbackFace {
  readonly css: string;
  readonly assets: ReadonlyMap<string, PageAsset>;
}

/**
 * Noto Sans Symbols 2 (@fontsource/noto-sans-symbols-2) declared under {@link FONT_FAMILY} with the unicode-range of
 * what it draws, from U+2000 up (never letters, digits or controls). Its rules come before the document face's: where
 * ranges overlap the later rule is tried first, so the document's face draws every character it has and Chromium
 * turns to this face, embedded like any other, instead of a system font for the rest.
 *
 * @example
 * ```ts
 * const fallback = await loadFallbackFace();
 * fallback.css // "@font-face { font-family: 'Document Face'; ... unicode-range: U+20DD-20E0,..."
 * ```
 */
export async function loadFallbackFace(): Promise<FallbackFace> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-symbols-2/package.json'));
  const unicode = JSON.parse(await readFile(join(packageDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const rules: string[] = [];
  const assets = new Map<string, PageAsset>();
  for (const subset of SUBSETS) {
    // From U+2000 up: the subsets' ranges also name controls and Latin letters, which are the document face's.
    const ranges = (unicode[subset] ?? '')
      .split(',')
      .filter((range) => Number.parseInt(range.replace(/^U\+/, ''), 16) >= 0x2000)
      .join(',');
    const file = `noto-sans-symbols-2-${subset}-400-normal.woff2`;
    const url = `${ASSET_ORIGIN}/fonts/${file}`;
    assets.set(url, { contentType: 'font/woff2', body: await readFile(join(packageDir, 'files', file)) });
    // One rule per weight the document's face declares: Chromium joins the faces of a family by their exact
    // traits, and a rule for 400 to 700 would stand apart and hide the document's face (measured: Thai then
    // printed in Laksaman from the system).
    for (const weight of [400, 700]) {
      rules.push(
        `@font-face { font-family: '${FONT_FAMILY}'; font-style: normal; font-weight: ${weight}; font-display: block; ` +
          `src: url(${url}) format('woff2'); unicode-range: ${ranges}; }`,
      );
    }
  }
  return { css: rules.join('\n'), assets };
}
