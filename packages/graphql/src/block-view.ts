import { listMarker } from '@saraban/thai';
import type { BlockData, DigitStyle, ListStyle, TableColumnData, TableRowData } from './model.js';

/** A block as the API returns it: list markers numbered, in the document's digits. */
export type BlockView =
  | Extract<BlockData, { type: 'paragraph' | 'heading' | 'pageBreak' }>
  | { type: 'list'; style: ListStyle; start: number; items: ListItemView[] }
  | { type: 'table'; columns: TableColumnData[]; headerRows: TableRowView[]; rows: TableRowView[] };

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
  const digitOption = digits === 'THAI' ? 'thai' : 'arabic';
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
              digitOption,
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
      default:
        return block;
    }
  });
}

function labelBlock(text: string): BlockData {
  return { type: 'paragraph', text, indent: false };
}

function styleName(style: ListStyle) {
  return style.toLowerCase() as Lowercase<ListStyle>;
}
