import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { DocumentRepository, RenderRepository } from '@saraban/store';
import { ZipFile } from 'yazl';
import { fileNameFrom } from './file-name.js';

/**
 * Writes a zip of a batch's printed PDFs to `path`, each named by its place in the batch and its document's subject;
 * a place without a render (its document failed) is left out. Each PDF is streamed from the store as the zip reaches
 * it: neither they nor the zip are ever whole in memory.
 *
 * @example
 * await zipRenders({ documents, renders }, job.documentIds, renderIds, batchJobs.stagingPath());
 */
export async function zipRenders(
  stores: { documents: Pick<DocumentRepository, 'get'>; renders: Pick<RenderRepository, 'getPdfFile'> },
  documentIds: readonly string[],
  renderIds: readonly (string | undefined)[],
  path: string,
): Promise<void> {
  const zip = new ZipFile();
  const width = String(documentIds.length).length;
  for (const [index, renderId] of renderIds.entries()) {
    if (!renderId) continue;
    const [pdf, document] = await Promise.all([
      stores.renders.getPdfFile(renderId),
      stores.documents.get(documentIds[index] as string),
    ]);
    if (!pdf) continue;
    const subject = fileNameFrom(document?.subject ?? '', { maxLength: 80 });
    zip.addReadStreamLazy(`${String(index + 1).padStart(width, '0')}-${subject}.pdf`, { size: pdf.bytes }, (opened) =>
      opened(null, pdf.stream()),
    );
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path, { mode: 0o600 }));
}
