import type { TemplateRegistry } from '@saraban/engine';
import type { Printer } from '@saraban/print';
import type { Document, Store } from '@saraban/store';
import type { BatchRunner } from './batch-runner.js';

/**
 * What every resolver can reach: the database, the loaded templates and the PDF printer.
 *
 * @example
 * const context: SarabanContext = { store, templates, printer, batches, rendersUrl: '/renders', batchesUrl: '/batches' };
 */
export interface SarabanContext {
  store: Store;
  templates: TemplateRegistry;
  printer: Printer;
  /** Runs batch jobs in this process. */
  batches: BatchRunner;
  /** Where renders are downloaded: `${rendersUrl}/${id}.pdf`. */
  rendersUrl: string;
  /** Where batch archives are downloaded: `${batchesUrl}/${id}.zip`. */
  batchesUrl: string;
  /**
   * Documents this operation has read already, by id: a render's template query takes the document the render
   * read, so the data printed is the version the render is recorded as, read once.
   */
  loadedDocuments?: ReadonlyMap<string, Document>;
}
