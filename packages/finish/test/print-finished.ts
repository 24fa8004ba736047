import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Printer, PrintJob } from '@saraban/print';
import { finishPdfFile, type PdfFinish } from '../src/index.js';

/**
 * Prints `job` into a file, finishes it with what the job says of the PDF, and returns its bytes and page count:
 * the road every render takes, for tests that read the PDF back.
 */
export async function printFinished(
  printer: Printer,
  job: PrintJob & PdfFinish,
): Promise<{ pdf: Uint8Array; pages: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-finish-test-'));
  try {
    const file = join(dir, 'document.pdf');
    await printer.printToFile(job, file);
    const { pages } = finishPdfFile(file, job);
    return { pdf: new Uint8Array(await readFile(file)), pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
