import { rm } from 'node:fs/promises';
import type { LoadedTemplate } from '@saraban/engine';
import { finishPdf } from '@saraban/finish';
import type { Document } from '@saraban/store';
import type { FilledPage } from './fill.js';

/** A finished PDF: its number of pages, counted once, here. */
export interface FinishedFile {
  pages: number;
}

/**
 * Stage `finish`: one pass over the printed file (on a thread of its own for a long document, so the server keeps
 * answering): its title, author and dates (the version's own time, so the same version prints the same bytes), the
 * word text of justified lines and, when the template has them, "/first words of the next page..." at the foot of
 * every page but the last, drawn without moving the pages; a letter's foot moved down to the bottom of its page. A
 * failure removes the file.
 *
 * @example
 * const { pages } = await finishPrinted(template, filled, document, file);
 */
export async function finishPrinted(
  template: LoadedTemplate,
  filled: FilledPage,
  document: Document,
  file: string,
): Promise<FinishedFile> {
  // A document with sections or annexes has pages that start on their own, some landscape: it gets no continuation
  // lines (they belong to one flow of text).
  const ownPages = (document.data.sections?.length ?? 0) + (document.data.annexes?.length ?? 0) > 0;
  try {
    const { pages } = await finishPdf(file, {
      title: filled.page.title,
      author: document.data.organization.name,
      createdAt: new Date(document.updatedAt),
      continuation: template.continuation && !ownPages ? {} : undefined,
      footAtBottom: template.footAtBottom,
    });
    return { pages };
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}
