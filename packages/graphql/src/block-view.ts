import type {
  BlockData,
  FigureData,
  ListStyle,
  MeasureColumnData,
  MeasureData,
  TableColumnData,
  TableRowData,
} from '@saraban/store';
import { type DigitStyle, formatMonthRange, listMarker } from '@saraban/thai';

/** A block as the API returns it: list markers numbered, in the document's digits. */
export type BlockView =
  | Extract<BlockData, { type: 'paragraph' | 'heading' | 'pageBreak' }>
  | FigureData
  | { type: 'list'; style: ListStyle; start: number; items: ListItemView[] }
  | { type: 'table'; columns: TableColumnData[]; headerRows: TableRowView[]; rows: TableRowView[] }
  | { type: 'measureTable'; columns: MeasureColumnData[]; groups: { title: string | null; measures: MeasureView[] }[] };

/** A measure with its period printed in the document's digits. */
export type MeasureView = MeasureData & { periodText: string | null };

export interface ListItemView {
  marker: string;
  text: string;
  blocks: BlockView[];
}

export interface TableRowView {
  group: string | null;
  cells: TableCellView[];
}

export interface TableCellView {
  colspan: number;
  rowspan: number;
  blocks: BlockView[];
}

/**
 * Numbers the lists of a body. `outline` is the number of the list item the blocks sit in, so an OUTLINE list
 * inside item ๒ numbers ๒.๑, ๒.๒.
 *
 * @example
 * viewBlocks([{ type: 'list', style: 'PARENS', start: 1, outlinePrefix: [], items: [{ text: 'a', blocks: [] }] }], 'THAI')
 * // [{ type: 'list', style: 'PARENS', start: 1, items: [{ marker: '(๑)', text: 'a', blocks: [] }] }]
 */
export function viewBlocks(blocks: BlockData[], digits: DigitStyle, outline: number[] = []): BlockView[] {
  return blocks.map((block): BlockView => {
    switch (block.type) {
      case 'list': {
        const prefix = outline.length > 0 ? outline : block.outlinePrefix;
        return {
          type: 'list',
          style: block.style,
          start: block.start,
          items: block.items.map((item, index) => {
            const path = [...prefix, block.start + index];
            const marker = listMarker(
              block.style === 'OUTLINE' ? path : [block.start + index],
              styleName(block.style),
              digits,
            );
            return { marker, text: item.text, blocks: viewBlocks(item.blocks, digits, path) };
          }),
        };
      }
      case 'table': {
        const viewRow = (row: TableRowData): TableRowView => ({
          group: row.group,
          cells: row.cells.map((cell) => ({ ...cell, blocks: viewBlocks(cell.blocks, digits) })),
        });
        const headerRows =
          block.headerRows.length > 0
            ? block.headerRows
            : [
                {
                  group: null,
                  cells: block.columns.map((column) => ({
                    colspan: 1,
                    rowspan: 1,
                    blocks: [labelBlock(column.label)],
                  })),
                },
              ];
        return {
          type: 'table',
          columns: block.columns,
          headerRows: headerRows.map(viewRow),
          rows: block.rows.map(viewRow),
        };
      }
      case 'measureTable':
        return {
          ...block,
          groups: block.groups.map((group) => ({
            title: group.title,
            measures: group.measures.map((measure) => viewMeasure(measure, digits)),
          })),
        };
      default:
        return block;
    }
  });
}

/**
 * A measure with its period printed, e.g. "ต.ค.๖๔-ก.ย.๖๕".
 *
 * @example
 * viewMeasure(measure, 'THAI').periodText
 */
export function viewMeasure(measure: MeasureData, digits: DigitStyle): MeasureView {
  const periodText = measure.period ? formatMonthRange(measure.period.start, measure.period.end, { digits }) : null;
  return { ...measure, periodText };
}

function labelBlock(text: string): BlockData {
  return { type: 'paragraph', text, indent: false };
}

function styleName(style: ListStyle) {
  return style.toLowerCase() as Lowercase<ListStyle>;
}
