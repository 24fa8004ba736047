import type { LoadedTemplate, TemplateRegistry } from '@saraban/engine';
import { type Document, type DocumentRepository, NotFoundError } from '@saraban/store';
import { TemplateNotLoadedError } from '../errors.js';

/** A document at its current version, and the template that prints it. */
export interface LoadedDocument {
  document: Document;
  template: LoadedTemplate;
}

/**
 * Stage `load`: the document at its current version and its template.
 *
 * @throws {NotFoundError} when there is no document with this id.
 * @throws {TemplateNotLoadedError} when its template did not load.
 * @example
 * const { document, template } = await loadDocument(store.documents, templates, id);
 */
export async function loadDocument(
  documents: Pick<DocumentRepository, 'get'>,
  templates: TemplateRegistry,
  id: string,
): Promise<LoadedDocument> {
  const document = await documents.get(id);
  if (!document) throw new NotFoundError('document', id);
  const template = templates.get(document.data.template);
  if (!template) throw new TemplateNotLoadedError(id, document.data.template);
  return { document, template };
}
