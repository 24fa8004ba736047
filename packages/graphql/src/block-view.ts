import type {
  BlockData,
  ColumnAlign,
  FigureData,
  HeadingData,
  ListStyle,
  MeasureColumnData,
  TableCellData,
  TableColumnData,
  TableRowData,
  VerticalAlign,
} from '@saraban/store';
import { type DigitStyle, listMarker } from '@saraban/thai';
import { type MeasureView, viewMeasureTable } from './measure-view.js';
import {
  type CellPlace,
  cellAlign,
  columnFractions,
  columnPrintWidths,
  estimatePageShare,
  placeCells,
  printedCells,
  type TableSettingsView,
  viewTableSettings,
} from './table-view.js';

/** A block as the API returns it: list markers numbered, in the document's digits. */
export type BlockView =
  | Extract<BlockData, { type: 'paragraph' | 'pageBreak' }>
  | HeadingView
  | FigureData
  | { type: 'list'; style: ListStyle; start: number; items: ListItemView[] }
  | {
      type: 'table';
      columns: TableColumnView[];
      headerRows: TableRowView[];
      rows: TableRowView[];
      settings: TableSettingsView;
    }
  | {
      type: 'measureTable';
      columns: MeasureColumnView[];
      groups: { title: string | null; measures: MeasureView[] }[];
      settings: TableSettingsView;
    };

/** A heading with its number, when numbered, in the document's digits. */
export type HeadingView = HeadingData & { marker: string | null };

/** A column with its width as CSS prints it and its alignments settled. */
export type TableColumnView = TableColumnData & {
  printWidth: string | null;
  verticalAlign: VerticalAlign;
  numeric: boolean;
};

/** A measure table column with its width as CSS prints it and its alignments settled. */
export type MeasureColumnView = MeasureColumnData & {
  printWidth: string | null;
  align: ColumnAlign;
  verticalAlign: VerticalAlign;
};

export interface ListItemView {
  marker: string;
  text: string;
  blocks: BlockView[];
  /** In a CHECKBOX list: the box is ticked; null in other lists. */
  checked: boolean | null;
  /** In a list of people: the member's role, printed in a column of its own; null when not given. */
  role: string | null;
}

export interface TableRowView {
  group: string | null;
  cells: TableCellView[];
  /** The cells as they print: merged cells cut into one cell a row (see printedCells). */
  printCells: TableCellView[];
  /** Estimated taller than a page: the one kind of row allowed to split across pages. */
  tallerThanPage: boolean;
  /** Prints on the same page as the row after it: a merged cell printed whole spans both. */
  keepWithNext: boolean;
}

/**
 * A row estimated to fill more than this share of a page may split across pages; any other row moves whole to the
 * next page. A little above 1: the estimate runs high on short rows and low on long ones (see ADVANCE_EM), and a row
 * that fits a page must never split, while one that does not only leaves a hole where it moved from.
 */
export const SPLIT_ROW_PAGE_SHARE = 1.05;

/**
 * A merged cell set in the middle or at the foot of its rows (MIDDLE, BOTTOM) prints as one cell over them when they
 * are estimated to fill at most this share of a page, its rows kept on one page: the text then stands in the middle of
 * all of them, and a group that moves to the next page leaves at most a third of a page behind. Taller groups are cut
 * into rows that may break between pages, the text at the top of the first.
 */
export const KEPT_ROWS_PAGE_SHARE = 1 / 3;

/** A CHECKBOX item's marker as the API gives it; templates draw the box. */
const EMPTY_BOX = '☐';
const CHECKED_BOX = '☑';

/** Text size in official points of tables that set none: the body's; measure tables print a size smaller. */
export const DEFAULT_TEXT_SIZE = { table: 16, measureTable: 14 } as const;

export interface TableCellView {
  colspan: number;
  rowspan: number;
  blocks: BlockView[];
  /** The first column the cell covers, from 0. */
  column: number;
  firstColumn: boolean;
  lastColumn: boolean;
  align: ColumnAlign;
  verticalAlign: VerticalAlign;
  numeric: boolean;
  /** A merged cell goes on from the row above: print no text and no rule above. */
  mergeAbove: boolean;
  /** A merged cell goes on into the row below: print no rule below. */
  mergeBelow: boolean;
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
  const headingNumbers = new HeadingNumbers(digits);
  return blocks.map((block): BlockView => {
    switch (block.type) {
      case 'heading':
        return { ...block, marker: block.numbered ? headingNumbers.next(block.level) : null };
      case 'list': {
        const prefix = outline.length > 0 ? outline : block.outlinePrefix;
        return {
          type: 'list',
          style: block.style,
          start: block.start,
          items: block.items.map((item, index) => {
            const path = [...prefix, block.start + index];
            const blocks = viewBlocks(item.blocks, digits, path);
            const role = item.role ?? null;
            if (block.style === 'CHECKBOX') {
              const checked = item.checked ?? false;
              return { marker: checked ? CHECKED_BOX : EMPTY_BOX, text: item.text, blocks, checked, role };
            }
            const marker = listMarker(
              block.style === 'OUTLINE' ? path : [block.start + index],
              styleName(block.style),
              digits,
            );
            return { marker, text: item.text, blocks, checked: null, role };
          }),
        };
      }
      case 'table':
        return viewTable(block, digits);
      case 'measureTable':
        return viewMeasureTable(block, digits);
      default:
        return block;
    }
  });
}

/**
 * Numbers headings by level as official documents number their parts: "๑." at level 1, "๑.๑" and "๑.๑.๒" deeper,
 * as OUTLINE lists do. A heading's number restarts the levels under it; a level above that was never numbered
 * counts as ๑.
 */
class HeadingNumbers {
  readonly #digits: DigitStyle;
  #counts: number[] = [];

  constructor(digits: DigitStyle) {
    this.#digits = digits;
  }

  /** The number of the next numbered heading at `level`. */
  next(level: number): string {
    const depth = Math.max(1, level);
    const path = Array.from({ length: depth }, (_, index) => this.#counts[index] || 1);
    path[depth - 1] = (this.#counts[depth - 1] ?? 0) + 1;
    // Deeper levels start again under it.
    this.#counts = path;
    return listMarker(path, 'outline', this.#digits);
  }
}

/** A table with its columns' widths, its settings' defaults, and every cell's place and alignment settled. */
function viewTable(block: Extract<BlockData, { type: 'table' }>, digits: DigitStyle): BlockView {
  const settings = viewTableSettings(block.settings);
  const widths = columnPrintWidths(block.columns);
  const fractions = columnFractions(block.columns);
  const columns: TableColumnView[] = block.columns.map((column, index) => ({
    ...column,
    printWidth: widths[index] ?? null,
    verticalAlign: column.verticalAlign ?? settings.verticalAlign,
    numeric: column.numeric ?? false,
  }));
  const headerRows =
    block.headerRows.length > 0
      ? block.headerRows
      : [
          {
            group: null,
            cells: block.columns.map((column) => ({ colspan: 1, rowspan: 1, blocks: [labelBlock(column.label)] })),
          },
        ];
  const viewRows = (rows: TableRowData[], header: boolean): TableRowView[] => {
    const cellRows = rows.map((row) => (row.group === null ? row.cells : null));
    const places = placeCells(cellRows, columns.length);
    const viewCell = (cell: TableCellData, place: CellPlace): TableCellView => {
      const column = columns[place.column];
      return {
        colspan: cell.colspan,
        rowspan: cell.rowspan,
        blocks: viewBlocks(cell.blocks, digits),
        ...place,
        align: header ? (cell.align ?? settings.header.align) : cellAlign(cell, column),
        verticalAlign: cell.verticalAlign ?? (header ? 'MIDDLE' : (column?.verticalAlign ?? settings.verticalAlign)),
        numeric: !header && (column?.numeric ?? false),
        mergeAbove: false,
        mergeBelow: false,
      };
    };
    const cells = rows.map((row, r) =>
      row.cells.map((cell, c) => viewCell(cell, places[r]?.[c] ?? { column: 0, firstColumn: true, lastColumn: true })),
    );
    // How much of a page cells fill: a row's, or a merged cell's.
    const textSize = settings.textSize ?? DEFAULT_TEXT_SIZE.table;
    const share = (list: { cell: TableCellData; place: CellPlace | undefined }[]) =>
      estimatePageShare(
        list.map(({ cell, place }) => {
          const span = fractions.slice(place?.column ?? 0, (place?.column ?? 0) + cell.colspan);
          return { paragraphs: paragraphsOf(cell.blocks), fraction: span.reduce((sum, part) => sum + part, 0) };
        }),
        textSize,
        settings.cellPadding,
      );
    const unmerged = (r: number) =>
      (rows[r]?.cells ?? []).flatMap((cell, c) => (cell.rowspan > 1 ? [] : [{ cell, place: places[r]?.[c] }]));
    // A merged cell set in the middle or at the foot of its rows prints whole over them when they fill a small share
    // of a page: kept together, they leave little room behind when they move.
    const whole = (r: number, c: number, last: number) => {
      const cell = cells[r]?.[c];
      if (!cell || cell.verticalAlign === 'TOP') return false;
      let rowsShare = 0;
      for (let k = r; k <= last; k++) rowsShare += share(unmerged(k));
      const own = share([{ cell: rows[r]?.cells[c] as TableCellData, place: places[r]?.[c] }]);
      return Math.max(rowsShare, own) <= KEPT_ROWS_PAGE_SHARE;
    };
    // Header rows never break, so their merged cells stay real rowspans.
    const printed = header
      ? null
      : printedCells(
          cells.map((row, r) => (cellRows[r] ? row : null)),
          places,
          whole,
        );
    // Rows a merged cell prints whole over stay on one page: each but the last goes with the row after it.
    const keptWithNext = rows.map(() => false);
    printed?.forEach((row, r) => {
      for (const cell of row) for (let k = r; k < r + cell.rowspan - 1; k++) keptWithNext[k] = true;
    });
    return rows.map((row, r) => ({
      group: row.group,
      tallerThanPage:
        !header && share(row.cells.map((cell, c) => ({ cell, place: places[r]?.[c] }))) > SPLIT_ROW_PAGE_SHARE,
      keepWithNext: keptWithNext[r] ?? false,
      cells: cells[r] ?? [],
      printCells: printed
        ? (printed[r] ?? []).map(({ cell, source, rowspan, mergeAbove, mergeBelow }) => ({
            ...cell,
            rowspan,
            blocks: source === 'continued' ? [] : cell.blocks,
            mergeAbove,
            mergeBelow,
          }))
        : (cells[r] ?? []),
    }));
  };
  return {
    type: 'table',
    columns,
    headerRows: viewRows(headerRows, true),
    rows: viewRows(block.rows, false),
    settings,
  };
}

/**
 * The lines of running text in blocks, each paragraph, heading and list item one, nested ones too: what a row's
 * height is estimated from, and the plain text of a measure's blocks.
 *
 * @example
 * paragraphsOf([{ type: 'paragraph', text: 'ไม่มี', indent: false }]) // ['ไม่มี']
 */
export function paragraphsOf(blocks: readonly (BlockData | BlockView)[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return [block.text];
      case 'list':
        return block.items.flatMap((item) => [item.text, ...paragraphsOf(item.blocks)]);
      case 'table':
        return [...block.headerRows, ...block.rows].flatMap((row) => row.cells.flatMap((c) => paragraphsOf(c.blocks)));
      default:
        return [];
    }
  });
}

function labelBlock(text: string): BlockData {
  return { type: 'paragraph', text, indent: false };
}

function styleName(style: Exclude<ListStyle, 'CHECKBOX'>) {
  return style.toLowerCase() as Lowercase<typeof style>;
}
