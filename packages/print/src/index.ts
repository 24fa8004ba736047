export type { PrintAsset } from './assets.js';
export { DEBIAN_CHROMIUM_PATHS, defaultChromiumPath } from './chromium-path.js';
export { CHROMIUM_ARGS, PDF_OPTIONS } from './chromium-settings.js';
export { BrowserCrashError, ChromiumLaunchError, PrinterClosedError, PrintTimeoutError } from './errors.js';
export {
  launchPrinter,
  type PrintedFile,
  type Printer,
  type PrinterOptions,
  type PrintJob,
  type PrintResult,
} from './printer.js';
