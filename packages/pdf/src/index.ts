export { ASSET_ORIGIN, type PrintAsset } from './assets.js';
export { BrowserCrashError, ChromiumLaunchError, PrinterClosedError, PrintTimeoutError } from './errors.js';
export { sarabunFontAssets, sarabunFontFaceCss } from './fonts.js';
export { UnexpectedPdfError } from './pdf-file.js';
export { launchPrinter, type Printer, type PrinterOptions, type PrintJob, type PrintResult } from './printer.js';
