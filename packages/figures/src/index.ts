export {
  type ChartKind,
  type ChartSeries,
  type ChartSpec,
  type ChartSvgOptions,
  chartSvg,
  checkChart,
} from './chart-svg.js';
export { FigureError } from './figure-error.js';
export { checkQrCodeText, QR_CODE_MAX_LENGTH, qrCodeSvg } from './qr-code-svg.js';
export { type SanitizedSvg, SvgError, sanitizeSvg } from './svg-sanitizer.js';
