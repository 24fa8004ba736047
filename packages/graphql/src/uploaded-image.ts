import { SvgError, sanitizeSvg } from '@saraban/figures';
import type { AssetData } from '@saraban/store';
import { imageSize } from 'image-size';
import { InputError, LimitError } from './errors.js';
import { limits } from './limits.js';

/** The media types an image may have, and the type image-size reads from such a file. */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
};

/** Which of {@link limits} bound one kind of image. */
export interface ImageLimits {
  bytes: 'emblemBytes' | 'imageBytes';
  pixels: 'emblemPixels' | 'imagePixels';
}

/**
 * An image a client sent (an emblem, an image block), checked before anything decodes it, and made safe to print:
 * its media type is what its bytes are; its size and (for PNG and JPEG) its pixels, read from the header with
 * image-size, are within `bounds`; an SVG is sanitized (DOMPurify: no scripts, event handlers, foreignObject or
 * outside references), holds no text, and draws at most `limits.svgElements` elements.
 *
 * @throws {InputError} naming `path` for an image that is not what it says or has text; {LimitError} for one over
 * a bound (bytes, pixels, elements drawn).
 * @example
 * await checkedImage({ mediaType: 'image/png', base64 }, 'input.emblem', { bytes: 'emblemBytes', pixels: 'emblemPixels' })
 * // { mediaType: 'image/png', base64: 'iVBORw0…' }
 */
export async function checkedImage(image: AssetData, path: string, bounds: ImageLimits): Promise<AssetData> {
  const { mediaType } = image;
  const expected = IMAGE_TYPES[mediaType];
  if (!expected) throw new InputError(`${path}.mediaType`, `must be one of ${Object.keys(IMAGE_TYPES).join(', ')}`);
  const field = `${path}.base64`;
  const bytes = Buffer.from(image.base64, 'base64');
  if (bytes.length === 0) throw new InputError(field, 'is not base64 image data');
  if (bytes.length > limits[bounds.bytes]) throw new LimitError(bounds.bytes, bytes.length, { field, what: 'bytes' });
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    throw new InputError(field, `is not a ${mediaType} image`);
  }
  if (size.type !== expected) {
    throw new InputError(field, `is ${size.type ?? 'not an image'}, not the ${mediaType} mediaType says`);
  }
  if (expected === 'svg') return { mediaType, base64: await sanitized(bytes.toString('utf8'), field) };
  // Chromium decodes every pixel: a 20000 x 20000 PNG of 380 kB took it from 1.4 to 4.6 GiB.
  const pixels = (size.width ?? 0) * (size.height ?? 0);
  if (pixels > limits[bounds.pixels]) {
    throw new LimitError(bounds.pixels, pixels, { field, what: `pixels (${size.width} x ${size.height})` });
  }
  return { mediaType, base64: bytes.toString('base64') };
}

async function sanitized(source: string, field: string): Promise<string> {
  let svg: Awaited<ReturnType<typeof sanitizeSvg>>;
  try {
    svg = await sanitizeSvg(source, { maxElements: limits.svgElements });
  } catch (error) {
    if (!(error instanceof SvgError)) throw error;
    if (error.elements === undefined) throw new InputError(field, error.reason);
    throw new LimitError('svgElements', error.elements, {
      field,
      what: 'elements drawn (each <use> or url(#…) reference counted again)',
    });
  }
  // An SVG prints as an image, which cannot reach the page's embedded faces: its text would print in whatever font
  // the machine has.
  if (svg.hasText) {
    throw new InputError(
      field,
      'is an SVG with text, which would print in a font the PDF does not embed; convert the text to paths (outlines) or give a PNG',
    );
  }
  return Buffer.from(svg.svg).toString('base64');
}
