import QRCode from 'qrcode';
import { FigureError } from './figure-error.js';

/** The most characters a QR code block takes: a long URL still scans when printed a few centimetres wide. */
export const QR_CODE_MAX_LENGTH = 500;

/**
 * Draws a QR code as an SVG element: the symbol encoded by the `qrcode` library (error correction M), drawn as one
 * vector path of dark modules with the four-module quiet zone, so it stays sharp at any printed size.
 *
 * @throws FigureError as {@link checkQrCodeText}.
 *
 * @example
 * ```ts
 * qrCodeSvg('https://www.nacc.go.th') // '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33" …><path d="M4 4h7v1h-7z…"/></svg>'
 * ```
 */
export function qrCodeSvg(text: string): string {
  checkQrCodeText(text);
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const side = modules.size + 2 * quiet;
  let path = '';
  for (let row = 0; row < modules.size; row += 1) {
    // A run of dark modules in a row is one rectangle.
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      const start = column;
      while (column + 1 < modules.size && modules.get(row, column + 1)) column += 1;
      const run = column - start + 1;
      path += `M${start + quiet} ${row + quiet}h${run}v1h-${run}z`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}

/**
 * Checks what a QR code will hold before it is drawn.
 *
 * @throws FigureError when the text is blank or longer than {@link QR_CODE_MAX_LENGTH}.
 *
 * @example
 * ```ts
 * checkQrCodeText('') // throws FigureError: text must not be empty
 * ```
 */
export function checkQrCodeText(text: string): void {
  if (text.trim() === '') throw new FigureError('text', 'must not be empty');
  if (text.length > QR_CODE_MAX_LENGTH) {
    throw new FigureError('text', `is ${text.length} characters; the limit is ${QR_CODE_MAX_LENGTH}`);
  }
}
