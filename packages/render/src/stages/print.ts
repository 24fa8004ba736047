import { rm } from 'node:fs/promises';
import type { RenderedPage } from '@saraban/engine';
import type { PrintedFile, Printer } from '@saraban/print';

/**
 * Stage `print`: the page printed by Chromium into `file`. A long report streams from Chromium to its file; no copy
 * of it is made or kept in memory. A failed print leaves no file.
 *
 * @throws {PrintTimeoutError} when Chromium takes longer than the printer's limit.
 * @example
 * const printed = await printPage(printer, page, store.renders.stagingPath());
 */
export async function printPage(
  printer: Pick<Printer, 'printToFile'>,
  page: RenderedPage,
  file: string,
): Promise<PrintedFile> {
  try {
    return await printer.printToFile({ html: page.html, assets: page.assets }, file);
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}
