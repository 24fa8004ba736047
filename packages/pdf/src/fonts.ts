import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ASSET_ORIGIN, type PrintAsset } from './assets.js';

const require = createRequire(import.meta.url);
const fontsourceVersion: string = require('@fontsource/sarabun/package.json').version;
// The ranges the font files were cut to; reading them keeps the CSS in step with the files.
const subsetRanges: Record<string, string> = require('@fontsource/sarabun/unicode.json');

// Thai letters come from the thai subset; Latin letters, ASCII digits and general punctuation (incl. U+2060 WORD
// JOINER) from the latin one. Declaring only the thai file would send those to a fallback font.
const subsets = ['thai', 'latin'] as const;
const weights = [400, 700] as const;

interface FontFile {
  subset: (typeof subsets)[number];
  weight: (typeof weights)[number];
  fileName: string;
  url: string;
}

// The version in the path keeps one URL naming one set of bytes, as pages reuse what they loaded before.
const fontFiles: FontFile[] = subsets.flatMap((subset) =>
  weights.map((weight) => {
    const fileName = `sarabun-${subset}-${weight}-normal.woff2`;
    return { subset, weight, fileName, url: `${ASSET_ORIGIN}/fonts/sarabun/${fontsourceVersion}/${fileName}` };
  }),
);

let cachedAssets: ReadonlyMap<string, PrintAsset> | undefined;

/**
 * Sarabun regular and bold, Thai and Latin subsets (woff2 from @fontsource/sarabun), keyed by their URL under
 * {@link ASSET_ORIGIN}. The files are read once; every call returns a new map over the same bodies.
 *
 * @example
 * ```ts
 * const assets = new Map([...sarabunFontAssets(), [logoUrl, logo]]);
 * await printer.print({ html, assets });
 * ```
 */
export function sarabunFontAssets(): Map<string, PrintAsset> {
  cachedAssets ??= new Map(
    fontFiles.map((file) => [
      file.url,
      {
        contentType: 'font/woff2',
        body: new Uint8Array(readFileSync(require.resolve(`@fontsource/sarabun/files/${file.fileName}`))),
      },
    ]),
  );
  return new Map(cachedAssets);
}

/**
 * `@font-face` rules declaring the family "Sarabun" (weights 400 and 700) for the files of
 * {@link sarabunFontAssets}, one rule per subset with its `unicode-range`, so Thai, Latin letters and ASCII digits
 * all print in Sarabun.
 *
 * @example
 * ```ts
 * const html = `<style>${sarabunFontFaceCss()} body { font-family: Sarabun }</style><p>ที่ ลพ 0001/123</p>`;
 * ```
 */
export function sarabunFontFaceCss(): string {
  return fontFiles
    .map(
      (file) =>
        `@font-face { font-family: 'Sarabun'; font-style: normal; font-weight: ${file.weight}; font-display: block; ` +
        `src: url('${file.url}') format('woff2'); unicode-range: ${subsetRanges[file.subset]}; }`,
    )
    .join('\n');
}
