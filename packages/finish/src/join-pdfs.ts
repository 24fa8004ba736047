import type { PDFPage, PDFRef } from 'pdf-lib';

/** One PDF of a bundle and the bookmark that leads to its first page. */
export interface JoinedPart {
  readonly pdf: Uint8Array;
  /** The bookmark's text, e.g. the document's subject. */
  readonly title: string;
}

/** Options of {@link joinPdfs}. */
export interface JoinOptions {
  /** The joined PDF's title (its metadata), e.g. the first part's. */
  readonly title?: string;
  readonly author?: string;
  /** Its creation and modification date; the same parts and date give the same bytes. */
  readonly createdAt?: Date;
}

/**
 * Joins PDFs into one, in order: every page as it was (its fonts and images come along), and a bookmark per part
 * that opens its first page, as a letter and its enclosures are sent together. The outline is shown when the PDF
 * opens.
 *
 * @example
 * ```ts
 * const bundle = await joinPdfs([
 *   { pdf: letter, title: 'ขอส่งสำเนาหนังสือ' },
 *   { pdf: enclosure, title: 'สิ่งที่ส่งมาด้วย ๑' },
 * ], { title: 'ขอส่งสำเนาหนังสือ' });
 * ```
 */
export async function joinPdfs(parts: readonly JoinedPart[], options: JoinOptions = {}): Promise<Uint8Array> {
  // Loaded here, not at the top: pdf-lib takes some 0.4 s to import, which every start of Saraban would pay.
  const { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFNull } = await import('pdf-lib');
  const joined = await PDFDocument.create({ updateMetadata: false });
  const firstPages: (PDFPage | undefined)[] = [];
  for (const part of parts) {
    const source = await PDFDocument.load(part.pdf, { updateMetadata: false });
    const pages = await joined.copyPages(source, source.getPageIndices());
    for (const page of pages) joined.addPage(page);
    firstPages.push(pages[0]);
  }
  const { context } = joined;
  const outlineRef = context.nextRef();
  const itemRefs: PDFRef[] = parts.map(() => context.nextRef());
  parts.forEach((part, index) => {
    const page = firstPages[index];
    const ref = itemRefs[index] as PDFRef;
    const item = context.obj({
      Title: PDFHexString.fromText(part.title),
      Parent: outlineRef,
      // The part's first page, from its top-left, at the reader's zoom.
      Dest: page ? [page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull] : [],
    });
    const previous = itemRefs[index - 1];
    const next = itemRefs[index + 1];
    if (previous) item.set(PDFName.of('Prev'), previous);
    if (next) item.set(PDFName.of('Next'), next);
    context.assign(ref, item);
  });
  if (itemRefs.length > 0) {
    context.assign(
      outlineRef,
      context.obj({
        Type: 'Outlines',
        First: itemRefs[0] as PDFRef,
        Last: itemRefs.at(-1) as PDFRef,
        Count: PDFNumber.of(itemRefs.length),
      }),
    );
    joined.catalog.set(PDFName.of('Outlines'), outlineRef);
    joined.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
  if (options.title) joined.setTitle(options.title, { showInWindowTitleBar: true });
  if (options.author) joined.setAuthor(options.author);
  joined.setProducer('Saraban');
  joined.setCreator('Saraban');
  const date = options.createdAt ?? new Date(0);
  joined.setCreationDate(date);
  joined.setModificationDate(date);
  return joined.save({ useObjectStreams: false });
}
