import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ASSET_ORIGIN, type PageAsset } from './asset-origin.js';
import { measureFaceScale, sizeAdjust } from './official-size.js';

/** The page font: its @font-face rules and the files they load, keyed by URL. */
export interface PageFonts {
  readonly css: string;
  readonly assets: ReadonlyMap<string, PageAsset>;
}

/**
 * The typefaces a template can print in (template.json "font"):
 * - `sarabun`: Google's Sarabun from @fontsource/sarabun, always available; the default.
 * - `laksaman`: TLWG Laksaman, TH Sarabun New's design enlarged 150.42 %, from the system (Debian
 *   fonts-tlwg-laksaman).
 * Each prints TH SarabunPSK points (official-size.ts): a template's 16pt is TH SarabunPSK's 16 pt in either.
 */
export const FONT_FACES = ['sarabun', 'laksaman'] as const;
export type FontFace = (typeof FONT_FACES)[number];

/**
 * Each built-in face's scale against TH SarabunPSK ({@link faceScale} of its regular file), kept here so that no
 * start of Saraban pays for reading the fonts' metrics; the engine's tests measure the files and check these.
 */
export const BUILT_IN_SCALES: Readonly<Record<FontFace, number>> = { sarabun: 1.5347, laksaman: 1.5038 };

/** The family every template's CSS names; the engine declares the chosen face under it. */
export const FONT_FAMILY = 'Document Face';

/** Where Debian's fonts-tlwg-laksaman puts Laksaman; the environment variable SARABAN_TLWG_FONTS points elsewhere. */
const TLWG_FONT_DIR = '/usr/share/fonts/truetype/tlwg';

/**
 * A face whose files are missing on this machine. `file` is the first file not found; `hint` says how to install it.
 *
 * @example
 * ```ts
 * try { await loadPageFonts('laksaman'); } catch (error) {
 *   if (error instanceof FontUnavailableError) console.error(error.hint); // apt-get install fonts-tlwg-laksaman
 * }
 * ```
 */
export class FontUnavailableError extends Error {
  override readonly name = 'FontUnavailableError';
  readonly face: FontFace;
  readonly file: string;
  readonly hint: string;

  constructor(face: FontFace, file: string, hint: string) {
    super(`font "${face}" is not installed: ${file} is missing (${hint})`);
    this.face = face;
    this.file = file;
    this.hint = hint;
  }
}

/**
 * Reads the files of one face (regular and bold) and declares them as {@link FONT_FAMILY}.
 *
 * @example
 * ```ts
 * const fonts = await loadPageFonts('sarabun');
 * fonts.assets.get(`${ASSET_ORIGIN}/fonts/sarabun-thai-700-normal.woff2`)?.contentType // 'font/woff2'
 * ```
 */
export async function loadPageFonts(face: FontFace = 'sarabun'): Promise<PageFonts> {
  return face === 'laksaman' ? loadLaksaman() : loadSarabun();
}

// Thai text with Latin letters, ASCII digits and punctuation: the two subsets a Thai document needs.
const SARABUN_SUBSETS = ['thai', 'latin'] as const;
const WEIGHTS = [400, 700] as const;

/**
 * Sarabun ships one file per subset: declared as one family with a unicode-range per subset, so Latin letters and
 * ASCII digits do not fall back to another font.
 */
async function loadSarabun(): Promise<PageFonts> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource/sarabun/package.json'));
  const unicodeRanges = JSON.parse(await readFile(join(packageDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const rules: string[] = [];
  const assets = new Map<string, PageAsset>();
  for (const subset of SARABUN_SUBSETS) {
    for (const weight of WEIGHTS) {
      const file = `sarabun-${subset}-${weight}-normal.woff2`;
      const url = `${ASSET_ORIGIN}/fonts/${file}`;
      assets.set(url, { contentType: 'font/woff2', body: await readFile(join(packageDir, 'files', file)) });
      rules.push(fontFaceRule(url, 'woff2', weight, BUILT_IN_SCALES.sarabun, unicodeRanges[subset]));
    }
  }
  return { css: rules.join('\n'), assets };
}

/** Laksaman's files cover Thai and Latin each. */
async function loadLaksaman(): Promise<PageFonts> {
  const files = { 400: 'Laksaman.ttf', 700: 'Laksaman-Bold.ttf' } as const;
  const rules: string[] = [];
  const assets = new Map<string, PageAsset>();
  for (const weight of WEIGHTS) {
    const path = join(process.env.SARABAN_TLWG_FONTS ?? TLWG_FONT_DIR, files[weight]);
    const body = await readFile(path).catch(() => {
      throw new FontUnavailableError('laksaman', path, 'apt-get install fonts-tlwg-laksaman');
    });
    const url = `${ASSET_ORIGIN}/fonts/${files[weight].toLowerCase()}`;
    assets.set(url, { contentType: 'font/ttf', body });
    rules.push(fontFaceRule(url, 'truetype', weight, BUILT_IN_SCALES.laksaman));
  }
  return { css: rules.join('\n'), assets };
}

/** One file of a face an organization supplies. */
export interface SuppliedFontFile {
  /** font/ttf, font/otf, font/woff or font/woff2. */
  readonly mediaType: string;
  readonly body: Uint8Array;
}

/** A face an organization supplies (e.g. TH SarabunIT๙): regular, and bold when it has one. */
export interface SuppliedFace {
  /** Unique to these files (the store uses their SHA-256): the files' URLs carry it. */
  readonly id: string;
  readonly regular: SuppliedFontFile;
  /** Without one, Chromium draws bold by thickening the regular face. */
  readonly bold?: SuppliedFontFile | null;
}

/** The CSS format() of each media type a supplied face may have. */
const SUPPLIED_FONT_FORMATS: Readonly<Record<string, string>> = {
  'font/ttf': 'truetype',
  'font/otf': 'opentype',
  'font/woff': 'woff',
  'font/woff2': 'woff2',
};

/**
 * Declares a face an organization supplies as {@link FONT_FAMILY}, to print in instead of the template's own
 * (`template.render(data, { digitStyle, fonts })`). Each file covers Thai and Latin, as Laksaman's do. The face is
 * scaled to TH SarabunPSK points by its regular file's metrics (TH SarabunIT๙: scale 1), and the templates set
 * lines 1.331 em apart whatever the face: it prints the same letters, lines and pages as the built-in faces.
 *
 * @example
 * ```ts
 * const fonts = await pageFontsFromFiles({ id: sha256, regular: { mediaType: 'font/ttf', body: await readFile('THSarabunIT๙.ttf') } });
 * const page = memo.render(data, { digitStyle: 'THAI', fonts });
 * ```
 */
export async function pageFontsFromFiles(face: SuppliedFace): Promise<PageFonts> {
  const files = [
    [400, face.regular],
    [700, face.bold],
  ] as const;
  for (const [, file] of files) {
    if (file && SUPPLIED_FONT_FORMATS[file.mediaType] === undefined) {
      throw new TypeError(
        `font ${face.id}: media type ${file.mediaType} is not one of ${Object.keys(SUPPLIED_FONT_FORMATS).join(', ')}`,
      );
    }
  }
  const scale = await measureFaceScale(face.regular.body);
  const rules: string[] = [];
  const assets = new Map<string, PageAsset>();
  for (const [weight, file] of files) {
    if (!file) continue;
    // The id in the URL keeps two faces from ever sharing a URL, so no cache can hand one the other's file.
    const url = `${ASSET_ORIGIN}/fonts/supplied/${face.id}-${weight}`;
    assets.set(url, { contentType: file.mediaType, body: file.body });
    rules.push(fontFaceRule(url, SUPPLIED_FONT_FORMATS[file.mediaType] as string, weight, scale));
  }
  return { css: rules.join('\n'), assets };
}

/** One @font-face rule; the bold file takes the regular one's scale, so bold letters stay as large as the rest. */
function fontFaceRule(url: string, format: string, weight: number, scale: number, unicodeRange?: string): string {
  const range = unicodeRange ? ` unicode-range: ${unicodeRange};` : '';
  return (
    `@font-face { font-family: '${FONT_FAMILY}'; font-style: normal; font-weight: ${weight}; ` +
    `font-display: block; src: url(${url}) format('${format}'); ${sizeAdjust(scale)}${range} }`
  );
}
