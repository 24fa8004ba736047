import { checkChart, checkQrCodeText, FigureError } from '@saraban/figures';
import type { AssetData, FigureData } from '@saraban/store';
import { InputError } from './errors.js';
import type { InputProblems } from './input-problems.js';
import { limits } from './limits.js';
import type { BlockInputShape } from './types/blocks.js';
import { checkedImage } from './uploaded-image.js';

/**
 * The figure a BlockInput gives (image, qrCode or chart), checked, or undefined when it gives another block. Each
 * limit hit and mistake is recorded in `problems` with its field's path (a QR code too small to scan, a chart whose
 * series do not fit its categories), so one answer names them all.
 *
 * An image block's image is left in `images`, to be checked by {@link checkImage} once the whole input has been read:
 * an SVG is sanitized, which loads a DOM asynchronously.
 *
 * @example
 * figureFromInput({ qrCode: { text: 'https://www.nacc.go.th', size: 3 } }, 'input.body[4]', { images, problems })
 * // { type: 'qrCode', text: 'https://www.nacc.go.th', size: 3, caption: null }
 */
export function figureFromInput(
  block: BlockInputShape,
  path: string,
  { images, problems }: { images: ImagesToCheck; problems: InputProblems },
): FigureData | undefined {
  const width = (value: number | null | undefined, field: string) =>
    problems.check(null, () => checkedWidth(value, `${path}.${field}`));
  if (block.image) {
    const { image } = block;
    const figure: FigureData = {
      type: 'image',
      image: { mediaType: image.mediaType, base64: image.base64 },
      caption: image.caption ?? null,
      width: width(image.width, 'image.width'),
    };
    images.push({ asset: figure.image, path: `${path}.image` });
    return figure;
  }
  if (block.qrCode) {
    const { qrCode } = block;
    const size = qrCode.size ?? 3;
    const { min, max } = limits.qrCodeCm;
    if (!(size >= min && size <= max)) problems.add(`${path}.qrCode.size`, `is ${size} cm; give ${min} to ${max}`);
    problems.check(undefined, () => figureChecked(() => checkQrCodeText(qrCode.text), `${path}.qrCode`));
    return { type: 'qrCode', text: qrCode.text, size, caption: qrCode.caption ?? null };
  }
  if (block.chart) {
    const { chart } = block;
    const categoriesOver = chart.categories.length > limits.chartCategories;
    const seriesOver = chart.series.length > limits.chartSeries;
    if (categoriesOver) {
      problems.add(
        `${path}.chart.categories`,
        `has ${chart.categories.length}; the limit is ${limits.chartCategories}`,
      );
    }
    if (seriesOver)
      problems.add(`${path}.chart.series`, `has ${chart.series.length}; the limit is ${limits.chartSeries}`);
    // A chart over its limits is not checked further: checkChart walks every value.
    if (!(categoriesOver || seriesOver))
      problems.check(undefined, () => figureChecked(() => checkChart(chart), `${path}.chart`));
    return {
      type: 'chart',
      kind: chart.kind,
      categories: chart.categories,
      series: chart.series.map((series) => ({ name: series.name, values: series.values })),
      categoryLabel: chart.categoryLabel ?? null,
      valueLabel: chart.valueLabel ?? null,
      caption: chart.caption ?? null,
      width: width(chart.width, 'chart.width'),
    };
  }
  return undefined;
}

/** Runs a check of @saraban/figures, its FigureError turned into an InputError at `path` and the error's field. */
function figureChecked(check: () => void, path: string): void {
  try {
    check();
  } catch (error) {
    throw error instanceof FigureError ? new InputError(`${path}.${error.field}`, error.reason) : error;
  }
}

function checkedWidth(width: number | null | undefined, path: string): number | null {
  if (width === null || width === undefined) return null;
  if (!(width > 0 && width <= 100)) throw new InputError(path, `is ${width}; give a percentage above 0, at most 100`);
  return width;
}

/** Image blocks' images read but not yet checked, each with its path. */
export type ImagesToCheck = { asset: AssetData; path: string }[];

/**
 * Checks one image {@link figureFromInput} left, replacing it in place by its checked (for an SVG, sanitized) self:
 * the document being built holds it.
 *
 * @throws what {@link checkedImage} throws, naming the image's path.
 * @example
 * const images: ImagesToCheck = [];
 * const body = blocksFromInput(input.body, 'input.body', reading); // reading.images filled
 * for (const image of images) await checkImage(image);
 */
export async function checkImage({ asset, path }: ImagesToCheck[number]): Promise<void> {
  Object.assign(asset, await checkedImage(asset, path, { bytes: 'imageBytes', pixels: 'imagePixels' }));
}
