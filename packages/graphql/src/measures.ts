import type { BlockData, Document, MeasureData } from '@saraban/store';
import { type MeasureView, viewMeasure } from './block-view.js';
import type { SarabanContext } from './context.js';

/** A measure and where it stands: its document and group. */
export interface MeasureEntry {
  document: Document;
  group: string | null;
  measure: MeasureView;
}

const pageSize = 500;

/**
 * Every measure in the stored documents' measure tables, newest document first, optionally only those whose owner
 * contains `owner` (e.g. every measure one unit owns).
 *
 * @example
 * const mine = await findMeasures(context, { owner: 'กองคลัง', limit: 100 });
 */
export async function findMeasures(
  context: SarabanContext,
  filter: { owner?: string | null; limit: number },
): Promise<MeasureEntry[]> {
  const entries: MeasureEntry[] = [];
  for (let offset = 0; entries.length < filter.limit; offset += pageSize) {
    const page = await context.documents.list({ limit: pageSize, offset });
    for (const document of page.items) {
      for (const { group, measure } of measuresIn(document.data.body)) {
        if (filter.owner && !(measure.owner ?? '').includes(filter.owner)) continue;
        entries.push({ document, group, measure: viewMeasure(measure, document.data.digitStyle) });
      }
    }
    if (offset + pageSize >= page.total) break;
  }
  return entries.slice(0, filter.limit);
}

function* measuresIn(blocks: BlockData[]): Generator<{ group: string | null; measure: MeasureData }> {
  for (const block of blocks) {
    if (block.type === 'measureTable') {
      for (const group of block.groups) for (const measure of group.measures) yield { group: group.title, measure };
    } else if (block.type === 'list') {
      for (const item of block.items) yield* measuresIn(item.blocks);
    } else if (block.type === 'table') {
      for (const row of [...block.headerRows, ...block.rows])
        for (const cell of row.cells) yield* measuresIn(cell.blocks);
    }
  }
}
