import type { BlockData, DocumentData, MeasureData } from './document-data.js';
import type { Document, DocumentRepository } from './documents.js';

/** A measure and where it stands: its document and the group row it is under. */
export interface MeasureEntry {
  document: Document;
  group: string | null;
  measure: MeasureData;
}

/** Which measures {@link findMeasures} returns. */
export interface MeasureFilter {
  /** Only measures whose owner (ผู้รับผิดชอบ) contains this text. */
  owner?: string | null;
  /** Only measures of documents of this stored organization. */
  organizationId?: string | null;
  /** Only measures of documents whose header organization's name contains this text. */
  organization?: string | null;
  /** Any further test a measure must pass, e.g. its fiscal year (the store reads no calendars). */
  where?: ((entry: MeasureEntry) => boolean) | undefined;
  /** At most this many. */
  limit: number;
}

const pageSize = 500;

/**
 * Every measure in the stored documents' measure tables (body, sections and annexes, nested lists and tables
 * included), most recently changed document first, optionally only those one unit owns, of one organization, or
 * that pass `where`.
 *
 * @example
 * ```ts
 * const mine = await findMeasures(store.documents, { owner: 'กองคลัง', limit: 100 });
 * ```
 */
export async function findMeasures(
  documents: Pick<DocumentRepository, 'list'>,
  filter: MeasureFilter,
): Promise<MeasureEntry[]> {
  const entries: MeasureEntry[] = [];
  for (let offset = 0; entries.length < filter.limit; offset += pageSize) {
    const page = await documents.list({ limit: pageSize, offset });
    for (const document of page.items) {
      if (filter.organizationId && document.data.organizationId !== filter.organizationId) continue;
      if (filter.organization && !document.data.organization.name.includes(filter.organization)) continue;
      for (const { group, measure } of measuresOf(document.data)) {
        if (filter.owner && !(measure.owner ?? '').includes(filter.owner)) continue;
        const entry = { document, group, measure };
        if (filter.where && !filter.where(entry)) continue;
        entries.push(entry);
      }
    }
    if (offset + pageSize >= page.total) break;
  }
  return entries.slice(0, filter.limit);
}

function* measuresOf(data: DocumentData): Generator<{ group: string | null; measure: MeasureData }> {
  yield* measuresIn(data.body);
  for (const section of [...(data.sections ?? []), ...(data.annexes ?? [])]) yield* measuresIn(section.body);
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
