export type { PrintAsset } from './assets.js';
export { BrowserCrashError, ChromiumLaunchError, PrinterClosedError, PrintTimeoutError } from './errors.js';
export { UnexpectedPdfError } from './pdf-file.js';
export { launchPrinter, type Printer, type PrinterOptions, type PrintJob, type PrintResult } from './printer.js';
