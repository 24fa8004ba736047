/**
 * A DocumentInput (or part of one) read from an example's JSON file: tests index it as the file has it, so its
 * fields are not typed here; the schema checks the real thing when the test sends it.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON from example files, indexed as the file has it.
export type DocumentJson = Record<string, any>;

/**
 * Every text item of a DocumentInput's body, in reading order: paragraphs, headings, list items and table cells,
 * with the tiny inline markup (**bold**, __underline__, `literal`) removed as it is in print.
 *
 * @example
 * const items = bodyTextItems(JSON.parse(readFileSync('templates/memo/examples/seed-memo.json', 'utf8')).body);
 */
export function bodyTextItems(blocks: unknown[]): string[] {
  return bodyTextsWithMarkup(blocks).map(stripMarkup);
}

/**
 * The text items of {@link bodyTextItems} as written, markup kept: what prints from a `literal` span (its digits as
 * typed) can only be told from the markup.
 *
 * @example
 * bodyTextsWithMarkup([{ paragraph: { text: 'แบบ `สขร.1`' } }]); // ['แบบ `สขร.1`']
 */
export function bodyTextsWithMarkup(blocks: unknown[]): string[] {
  const items: string[] = [];
  const visit = (block: DocumentJson) => {
    if (block.paragraph) items.push(block.paragraph.text);
    if (block.heading) items.push(block.heading.text);
    if (block.list) {
      for (const item of block.list.items) {
        items.push(item.text);
        for (const child of item.blocks ?? []) visit(child);
      }
    }
    if (block.table) {
      for (const column of block.table.columns) items.push(column.label);
      for (const row of block.table.rows) {
        if (row.group) items.push(row.group);
        for (const cell of row.cells ?? []) {
          if (cell.text) items.push(cell.text);
          for (const child of cell.blocks ?? []) visit(child);
        }
      }
    }
  };
  for (const block of blocks) visit(block as DocumentJson);
  return items;
}

/** The text as printed: inline markup removed. */
export function stripMarkup(text: string): string {
  return text.replace(/\*\*|__|`/g, '');
}
