import type { TemplateRegistry } from '@saraban/engine';
import type { Printer } from '@saraban/pdf';
import type { Store } from '@saraban/store';

/**
 * What every resolver can reach: the database, the loaded templates and the PDF printer.
 *
 * @example
 * const context: SarabanContext = { store, templates, printer, rendersUrl: '/renders' };
 */
export interface SarabanContext {
  store: Store;
  templates: TemplateRegistry;
  printer: Printer;
  /** Where renders are downloaded: `${rendersUrl}/${id}.pdf`. */
  rendersUrl: string;
}
