import { checkChart, checkQrCodeText, FigureError } from '@saraban/figures';
import type { FigureData } from '@saraban/store';
import { imageSize } from 'image-size';
import { InputError } from './errors.js';
import { limits } from './limits.js';
import type { BlockInputShape } from './types/blocks.js';

/**
 * The figure a BlockInput gives (image, qrCode or chart), checked, or undefined when it gives another block. Limits
 * and mistakes are refused with the field's path: an image too large, a QR code too small to scan, a chart whose
 * series do not fit its categories.
 *
 * @example
 * figureFromInput({ qrCode: { text: 'https://www.nacc.go.th', size: 3 } }, 'input.body[4]')
 * // { type: 'qrCode', text: 'https://www.nacc.go.th', size: 3, caption: null }
 */
export function figureFromInput(block: BlockInputShape, path: string): FigureData | undefined {
  if (block.image) {
    const { image } = block;
    return {
      type: 'image',
      image: checkedImage(image.mediaType, image.base64, `${path}.image`),
      caption: image.caption ?? null,
      width: checkedWidth(image.width, `${path}.image.width`),
    };
  }
  if (block.qrCode) {
    const { qrCode } = block;
    const size = qrCode.size ?? 3;
    const { min, max } = limits.qrCodeCm;
    if (!(size >= min && size <= max)) {
      throw new InputError(`${path}.qrCode.size`, `is ${size} cm; give ${min} to ${max}`);
    }
    try {
      checkQrCodeText(qrCode.text);
    } catch (error) {
      throw figureInputError(error, `${path}.qrCode`);
    }
    return { type: 'qrCode', text: qrCode.text, size, caption: qrCode.caption ?? null };
  }
  if (block.chart) {
    const { chart } = block;
    if (chart.categories.length > limits.chartCategories) {
      throw new InputError(
        `${path}.chart.categories`,
        `has ${chart.categories.length}; the limit is ${limits.chartCategories}`,
      );
    }
    if (chart.series.length > limits.chartSeries) {
      throw new InputError(`${path}.chart.series`, `has ${chart.series.length}; the limit is ${limits.chartSeries}`);
    }
    try {
      checkChart(chart);
    } catch (error) {
      throw figureInputError(error, `${path}.chart`);
    }
    return {
      type: 'chart',
      kind: chart.kind,
      categories: chart.categories,
      series: chart.series.map((series) => ({ name: series.name, values: series.values })),
      categoryLabel: chart.categoryLabel ?? null,
      valueLabel: chart.valueLabel ?? null,
      caption: chart.caption ?? null,
      width: checkedWidth(chart.width, `${path}.chart.width`),
    };
  }
  return undefined;
}

function figureInputError(error: unknown, path: string): unknown {
  return error instanceof FigureError ? new InputError(`${path}.${error.field}`, error.reason) : error;
}

function checkedWidth(width: number | null | undefined, path: string): number | null {
  if (width === null || width === undefined) return null;
  if (!(width > 0 && width <= 100)) throw new InputError(path, `is ${width}; give a percentage above 0, at most 100`);
  return width;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
};

/** The image's bytes as base64 once its type, size and pixel count are within limits. */
function checkedImage(mediaType: string, base64: string, path: string) {
  const expected = IMAGE_TYPES[mediaType];
  if (!expected) throw new InputError(`${path}.mediaType`, `must be one of ${Object.keys(IMAGE_TYPES).join(', ')}`);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new InputError(`${path}.base64`, 'is not base64 image data');
  if (bytes.length > limits.imageBytes) {
    throw new InputError(`${path}.base64`, `is ${bytes.length} bytes; the limit is ${limits.imageBytes}`);
  }
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    throw new InputError(`${path}.base64`, `is not a ${mediaType} image`);
  }
  if (size.type !== expected) {
    throw new InputError(`${path}.base64`, `is ${size.type ?? 'not an image'}, not the ${mediaType} mediaType says`);
  }
  // An SVG prints as an image, which cannot reach the page's embedded faces: its text would print in whatever font
  // the machine has. (Scripts and links in it never run: an image is drawn, not loaded as a document.)
  if (expected === 'svg' && /<text[\s>]/i.test(bytes.toString('utf8'))) {
    throw new InputError(
      `${path}.base64`,
      'is an SVG with text, which would print in a font the PDF does not embed; convert the text to paths (outlines) or give a PNG',
    );
  }
  const pixels = (size.width ?? 0) * (size.height ?? 0);
  if (expected !== 'svg' && pixels > limits.imagePixels) {
    throw new InputError(
      `${path}.base64`,
      `is ${size.width} x ${size.height} pixels (${pixels}); the limit is ${limits.imagePixels} pixels`,
    );
  }
  return { mediaType, base64: bytes.toString('base64') };
}
