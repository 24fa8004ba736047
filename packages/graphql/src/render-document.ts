import { rm } from 'node:fs/promises';
import { finishPdfFile } from '@saraban/finish';
import type { Render } from '@saraban/store';
import { execute, GraphQLError, type GraphQLSchema } from 'graphql';
import type { SarabanContext } from './context.js';
import { documentFonts } from './document-fonts.js';
import { ConflictError } from './errors.js';
import { documentRecord } from './records.js';
import { renderCacheKey } from './render-cache-key.js';
import { pageWarnings } from './render-warnings.js';

/** A render, and whether it was printed now or reused. */
export type RenderResult = Render & { cached: boolean };

/**
 * Prints a document's current version: runs its template's query, fills the template, prints the page, and
 * stores the PDF. The template reads exactly what an integrator could query, through the same schema. When the
 * same document version, template and data were printed before, the stored render is returned without printing.
 *
 * @example
 * const render = await renderDocument(schema, context, documentId);
 * console.log(render.pages, render.sha256);
 */
export async function renderDocument(
  schema: GraphQLSchema,
  context: SarabanContext,
  id: string,
): Promise<RenderResult> {
  const stored = await context.store.documents.get(id);
  if (!stored) throw new ConflictError(`document ${id} does not exist`, 'NOT_FOUND');
  const document = documentRecord(stored);
  const template = context.templates.get(document.data.template);
  if (!template) {
    throw new GraphQLError(`document ${id} uses template "${document.data.template}", which is not loaded`, {
      extensions: { code: 'TEMPLATE_NOT_LOADED' },
    });
  }
  const result = await execute({
    schema,
    document: template.query,
    variableValues: { id },
    contextValue: { ...context, loadedDocuments: new Map([[id, stored]]) },
  });
  if (result.errors?.length) {
    throw new GraphQLError(`template "${template.name}": its query failed: ${result.errors[0]?.message}`, {
      extensions: { code: 'TEMPLATE_QUERY_FAILED' },
    });
  }
  // The organization's face when it has one. Its URL in the page carries the font's SHA-256, so the cache key
  // changes with the face.
  const fonts = await documentFonts(context.store, document.data.organization.fontId);
  let page: ReturnType<typeof template.render>;
  try {
    page = template.render(result.data, { digitStyle: document.data.digitStyle, fonts });
  } catch (error) {
    // Templates compile strict: reading a field the query did not select fails here, with Handlebars' message.
    throw new GraphQLError(`template "${template.name}" failed to fill in: ${(error as Error).message}`, {
      extensions: { code: 'TEMPLATE_RENDER_FAILED' },
    });
  }
  const cacheKey = renderCacheKey(
    { documentId: id, documentVersion: document.version, printedAt: document.updatedAt },
    page,
  );
  const cached = await context.store.renders.findCached(id, cacheKey);
  if (cached) return { ...cached, cached: true };
  // Printed straight into the store's file directory: a long report streams from Chromium to its file, and no
  // copy of it is made or kept in memory.
  const file = context.store.renders.stagingPath();
  let printed: { pages: number; warnings: string[] };
  try {
    const { warnings } = await context.printer.printToFile({ html: page.html, assets: page.assets }, file);
    // A document with sections or annexes has pages that start on their own, some landscape: it gets no
    // continuation lines (they belong to one flow of text).
    const ownPages = (document.data.sections?.length ?? 0) + (document.data.annexes?.length ?? 0) > 0;
    const { pages } = finishPdfFile(file, {
      title: page.title,
      author: document.data.organization.name,
      // The version's own time, so the same version prints the same bytes.
      createdAt: new Date(document.updatedAt),
      // "/first words of the next page..." at the foot of every page but the last, drawn without moving the pages.
      continuation: template.continuation && !ownPages ? {} : undefined,
    });
    printed = { pages, warnings };
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  const render = await context.store.renders.create({
    documentId: id,
    documentVersion: document.version,
    template: template.name,
    pages: printed.pages,
    file,
    warnings: [...pageWarnings(document.data, page.html), ...printed.warnings],
    cacheKey,
  });
  return { ...render, cached: false };
}
