import type { ChartSpec } from '@saraban/figures';
import {
  type Amount,
  bahtText,
  formatBaht,
  formatNumber,
  formatThaiDate,
  type SecrecyMark,
  type SpeedMark,
  secrecyMarkText,
  speedMarkText,
} from '@saraban/thai';
import type Handlebars from 'handlebars';
import { FONT_FAMILY } from './fonts.js';
import { renderInlineMarkup } from './inline-markup.js';

type HandlebarsEnvironment = typeof Handlebars;

/** The options object Handlebars passes last to every helper. */
interface HelperOptions {
  readonly hash: Readonly<Record<string, unknown>>;
  /** The @data frame; the engine puts the template's name in it as @template. */
  readonly data?: { readonly template?: string };
}

/**
 * What the chart and qrCode helpers draw with: @saraban/figures, whose ECharts is some 40 MiB in each thread that
 * loads it. Loaded by {@link loadFigures}: by loadTemplates, or by a fill thread for the first page that draws one.
 */
let figures: typeof import('@saraban/figures') | undefined;

/**
 * Loads what the chart and qrCode helpers draw with; until then they throw {@link FiguresNotLoadedError}.
 *
 * @example
 * ```ts
 * await loadFigures();
 * ```
 */
export async function loadFigures(): Promise<void> {
  figures ??= await import('@saraban/figures');
}

/** A page draws a chart or a QR code before {@link loadFigures}: load them, then fill it in again. */
export class FiguresNotLoadedError extends Error {
  override readonly name = 'FiguresNotLoadedError';
  constructor() {
    super('charts and QR codes are not loaded (loadFigures)');
  }
}

function loadedFigures(): typeof import('@saraban/figures') {
  if (!figures) throw new FiguresNotLoadedError();
  return figures;
}

/** Images a document may carry as data: URLs; anything else (javascript:, http:) is refused. */
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/;

/**
 * The helpers templates call, by name. Helpers that print numbers print Thai digits: the page's digit pass turns
 * them into the document's style afterwards, like every other digit on the page.
 */
export const HELPER_NAMES = [
  'thaiDate',
  'number',
  'baht',
  'bahtText',
  'markup',
  'speedMark',
  'secrecyMark',
  'cssString',
  'imageSrc',
  'asset',
  'chart',
  'qrCode',
  'eq',
  'not',
  'or',
] as const;

/**
 * Registers the template helpers on a Handlebars environment. `assetUrl` resolves the name of a file a template
 * package or the shared directory ships (e.g. "garuda-placeholder.svg") to its URL, and throws for a name neither
 * ships; the template is the one being rendered, from the @template data variable.
 *
 * @example
 * ```ts
 * const handlebars = Handlebars.create();
 * registerHelpers(handlebars, (name, template) => `${ASSET_ORIGIN}/templates/${template}/${name}`);
 * handlebars.compile('{{thaiDate date "short"}}')({ date: '2023-06-25' }) // '๒๕ มิ.ย. ๒๕๖๖'
 * ```
 */
export function registerHelpers(
  handlebars: HandlebarsEnvironment,
  assetUrl: (name: string, template: string) => string,
): void {
  const { SafeString } = handlebars;
  const helpers: Record<(typeof HELPER_NAMES)[number], Handlebars.HelperDelegate> = {
    /** {{thaiDate date "full"|"short" era=true}}; nothing for a null date. */
    thaiDate: (date: unknown, style: unknown, options: HelperOptions) => {
      if (date === null || date === undefined || date === '') return '';
      return formatThaiDate(date as string, {
        style: style === 'short' ? 'short' : 'full',
        era: options.hash.era === true,
      });
    },
    /** {{number value decimals=2}} */
    number: (value: unknown, options: HelperOptions) =>
      value === null || value === undefined ? '' : formatNumber(value as Amount, numberOptions(options)),
    /** {{baht value}}: "๑,๒๓๔.๕๐ บาท (หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์)" */
    baht: (value: unknown) => (value === null || value === undefined ? '' : formatBaht(value as Amount)),
    /** {{bahtText value}}: "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์" */
    bahtText: (value: unknown) => (value === null || value === undefined ? '' : bahtText(value as Amount)),
    /** {{markup text}}: **bold**, __underline__, `literal`; everything else escaped. */
    markup: (text: unknown) =>
      new SafeString(renderInlineMarkup(text === null || text === undefined ? '' : String(text))),
    /** {{speedMark document.speed}}: ด่วนที่สุด, ด่วนมาก, ด่วน */
    speedMark: (mark: unknown) => (mark ? speedMarkText(mark as SpeedMark) : ''),
    /** {{secrecyMark document.secrecy}}: ลับที่สุด, ลับมาก, ลับ */
    secrecyMark: (mark: unknown) => (mark ? secrecyMarkText(mark as SecrecyMark) : ''),
    /** {{cssString text}} inside <style>: a quoted CSS string that cannot end the string or the style element. */
    cssString: (text: unknown) =>
      new SafeString(
        `"${String(text ?? '').replace(/[\\"<>\n\r]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `)}"`,
      ),
    /** {{imageSrc emblem.dataUrl}}: the data: URL when it is a PNG, JPEG or SVG image, else nothing. */
    imageSrc: (dataUrl: unknown) => (typeof dataUrl === 'string' && IMAGE_DATA_URL.test(dataUrl) ? dataUrl : ''),
    /** {{asset "garuda-placeholder.svg"}}: the URL of a file the template package ships. */
    asset: (name: unknown, options: HelperOptions) => assetUrl(String(name), options.data?.template ?? ''),
    /** {{chart this}} in a Chart block: the chart as an SVG element, its labels in the page's face. */
    chart: (chart: unknown) =>
      new SafeString(loadedFigures().chartSvg(chart as ChartSpec, { fontFamily: FONT_FAMILY })),
    /** {{qrCode text}}: the QR code of the text as an SVG element. */
    qrCode: (text: unknown) => new SafeString(loadedFigures().qrCodeSvg(String(text ?? ''))),
    /** {{#if (eq __typename "Paragraph")}} */
    eq: (left: unknown, right: unknown) => left === right,
    not: (value: unknown) => !value,
    /** {{#if (or a b)}}: true when any argument is truthy (an empty list is not). */
    or: (...values: unknown[]) =>
      values.slice(0, -1).some((value) => (Array.isArray(value) ? value.length > 0 : !!value)),
  };
  handlebars.registerHelper(helpers);
}

function numberOptions(options: HelperOptions): { decimals?: number } {
  const { decimals } = options.hash;
  return typeof decimals === 'number' ? { decimals } : {};
}
