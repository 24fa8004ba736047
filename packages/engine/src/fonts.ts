import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ASSET_ORIGIN, type PageAsset } from './asset-origin.js';

/** The page font: its @font-face rules and the files they load, keyed by URL. */
export interface PageFonts {
  readonly css: string;
  readonly assets: ReadonlyMap<string, PageAsset>;
}

/** The family every template names. */
export const FONT_FAMILY = 'Sarabun';

// Thai text with Latin letters, ASCII digits and punctuation: the two subsets a Thai document needs.
const SUBSETS = ['thai', 'latin'] as const;
const WEIGHTS = [400, 700] as const;

/**
 * Reads Sarabun (regular and bold, Thai and Latin subsets) from @fontsource/sarabun and declares it as one family
 * with a unicode-range per subset, so Latin letters and ASCII digits do not fall back to another font.
 *
 * @example
 * ```ts
 * const fonts = await loadPageFonts();
 * fonts.assets.get(`${ASSET_ORIGIN}/fonts/sarabun-thai-700-normal.woff2`)?.contentType // 'font/woff2'
 * ```
 */
export async function loadPageFonts(): Promise<PageFonts> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource/sarabun/package.json'));
  const unicodeRanges = JSON.parse(await readFile(join(packageDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const rules: string[] = [];
  const assets = new Map<string, PageAsset>();
  for (const subset of SUBSETS) {
    for (const weight of WEIGHTS) {
      const file = `sarabun-${subset}-${weight}-normal.woff2`;
      const url = `${ASSET_ORIGIN}/fonts/${file}`;
      assets.set(url, { contentType: 'font/woff2', body: await readFile(join(packageDir, 'files', file)) });
      rules.push(
        `@font-face { font-family: '${FONT_FAMILY}'; font-style: normal; font-weight: ${weight}; ` +
          `font-display: block; src: url(${url}) format('woff2'); unicode-range: ${unicodeRanges[subset]}; }`,
      );
    }
  }
  return { css: rules.join('\n'), assets };
}
