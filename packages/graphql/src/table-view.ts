import type { ColumnAlign, ColumnWidthData, TableHeaderData, TableSettingsData, VerticalAlign } from '@saraban/store';

/** A table's settings with every default filled in, as templates read them. */
export interface TableSettingsView {
  textSize: number | null;
  cellPadding: { x: number; y: number };
  width: number | null;
  widthCm: number | null;
  header: TableHeaderData;
  verticalAlign: VerticalAlign;
  rowsMayBreak: boolean;
}

/** Left and right 0.15 cm, none above and below: how agencies' Word tables sit (Word's default is 0.19 cm). */
export const DEFAULT_CELL_PADDING = { x: 0.15, y: 0 } as const;

const DEFAULT_HEADER: TableHeaderData = { bold: true, shaded: false, align: 'CENTER', repeat: true };

/**
 * A table's settings with the defaults of tables stored before there were settings: the template's text size, the
 * full text column, 0.15 cm side padding, a bold centred header repeated on every page, cells aligned at the top,
 * rows that move whole to the next page.
 *
 * @example
 * viewTableSettings(undefined).header // { bold: true, shaded: false, align: 'CENTER', repeat: true }
 * viewTableSettings({ textSize: 14, ... }).textSize // 14
 */
export function viewTableSettings(settings: TableSettingsData | undefined): TableSettingsView {
  return {
    textSize: settings?.textSize ?? null,
    cellPadding: {
      x: settings?.cellPadding?.x ?? DEFAULT_CELL_PADDING.x,
      y: settings?.cellPadding?.y ?? DEFAULT_CELL_PADDING.y,
    },
    width: settings?.width ?? null,
    widthCm: settings?.widthCm ?? null,
    header: settings?.header ?? DEFAULT_HEADER,
    verticalAlign: settings?.verticalAlign ?? 'TOP',
    rowsMayBreak: settings?.rowsMayBreak ?? false,
  };
}

/**
 * Each column's width as CSS prints it on a `<col>`. Columns of percents (or none) print "25%", and null for those
 * without, which the table's fixed layout shares out equally, as before centimetres and shares existed. Once a column
 * is given in centimetres or shares, every column prints a length, in terms of `--table-width` (the table's width as a
 * length: templates set it from a container unit): Chromium's fixed table layout reads a calc() mixing percents and
 * lengths as no width at all. Columns that set nothing then take one share each.
 *
 * @example
 * columnPrintWidths([{ width: 25 }, { width: null }]) // ['25%', null]
 * columnPrintWidths([{ width: 25 }, { width: null, widthCm: 3 }, { width: null, share: 2 }, { width: null }])
 * // ['calc(var(--table-width) * 0.25)', '3cm',
 * //  'calc((var(--table-width) * 0.75 - 3cm) * 0.6667)', 'calc((var(--table-width) * 0.75 - 3cm) * 0.3333)']
 */
export function columnPrintWidths(columns: readonly ColumnWidthData[]): (string | null)[] {
  const asLengths = columns.some((column) => column.share != null || column.widthCm != null);
  if (!asLengths) return columns.map((column) => (column.width != null ? `${column.width}%` : null));
  const percent = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  const centimetres = columns.reduce((sum, column) => sum + (column.widthCm ?? 0), 0);
  const shareOf = (column: ColumnWidthData) =>
    column.width == null && column.widthCm == null ? (column.share ?? 1) : 0;
  const totalShares = columns.reduce((sum, column) => sum + shareOf(column), 0);
  const rest = `(var(--table-width) * ${round(1 - percent / 100)} - ${round(centimetres)}cm)`;
  return columns.map((column) => {
    if (column.width != null) return `calc(var(--table-width) * ${round(column.width / 100)})`;
    if (column.widthCm != null) return `${column.widthCm}cm`;
    return `calc(${rest} * ${round(shareOf(column) / totalShares)})`;
  });
}

function round(value: number): number {
  return Number(value.toFixed(4));
}

/** Where a cell stands in the grid: the first column it covers, and whether it reaches either side of the table. */
export interface CellPlace {
  column: number;
  firstColumn: boolean;
  lastColumn: boolean;
}

/**
 * The grid position of every cell, rows top to bottom, as HTML lays them out: a cell starts at the first column that
 * no cell above still covers with its rowspan. Merged cells take their column's alignment from this, not from their
 * position in the row. A row of `null` (a group row) spans the whole table.
 *
 * @example
 * placeCells([[{ colspan: 1, rowspan: 2 }, { colspan: 1, rowspan: 1 }], [{ colspan: 1, rowspan: 1 }]], 2)
 * // [[{ column: 0, ... }, { column: 1, ... }], [{ column: 1, firstColumn: false, lastColumn: true }]]
 */
export function placeCells(
  rows: readonly ({ colspan: number; rowspan: number }[] | null)[],
  columnCount: number,
): CellPlace[][] {
  // How many more rows each column stays covered by a rowspan from above.
  let covered: number[] = Array.from({ length: columnCount }, () => 0);
  return rows.map((cells) => {
    if (cells === null) {
      covered = covered.map((rows) => Math.max(0, rows - 1));
      return [];
    }
    const places: CellPlace[] = [];
    const next = covered.map((rows) => Math.max(0, rows - 1));
    let column = 0;
    for (const cell of cells) {
      while (column < columnCount && (covered[column] ?? 0) > 0) column++;
      places.push({ column, firstColumn: column === 0, lastColumn: column + cell.colspan >= columnCount });
      for (let c = column; c < column + cell.colspan && c < columnCount; c++) next[c] = cell.rowspan - 1;
      column += cell.colspan;
    }
    covered = next;
    return places;
  });
}

/**
 * A cell's alignment: its own, else its column's.
 *
 * @example
 * cellAlign({ align: null }, { align: 'RIGHT' }) // 'RIGHT'
 */
export function cellAlign(
  cell: { align?: ColumnAlign | null },
  column: { align?: ColumnAlign | null } | undefined,
): ColumnAlign {
  return cell.align ?? column?.align ?? 'LEFT';
}

/**
 * Each column's share of the table's width, from its width settings: percent columns their percent, centimetre
 * columns against A4 portrait's 16 cm text column, shares and unset columns what is left. An estimate's input (see
 * {@link estimatePageShare}), not a layout.
 *
 * @example
 * columnFractions([{ width: 25 }, { width: null }, { width: null }]) // [0.25, 0.375, 0.375]
 */
export function columnFractions(columns: readonly ColumnWidthData[]): number[] {
  const fixed = columns.map((column) =>
    column.width != null ? column.width / 100 : column.widthCm != null ? column.widthCm / TEXT_COLUMN_CM.width : null,
  );
  const shares = columns.map((column, index) => (fixed[index] === null ? (column.share ?? 1) : 0));
  const rest = Math.max(0, 1 - fixed.reduce<number>((sum, part) => sum + (part ?? 0), 0));
  const totalShares = shares.reduce((sum, share) => sum + share, 0) || 1;
  return columns.map((_, index) => fixed[index] ?? (rest * (shares[index] ?? 0)) / totalShares);
}

/** A4 portrait's text column between the official margins, in centimetres. */
const TEXT_COLUMN_CM = { width: 16, height: 25.2 } as const;
/** One official point in centimetres. */
const POINT_CM = 2.54 / 72;
/**
 * TH SarabunPSK's average advance per character of running Thai text (marks above and below counted as characters),
 * in em: 0.299 measured over the measure-report seed with TLWG Laksaman's metrics, plus a sixth for the ends of lines
 * that wrap at a word in columns of 30 to 45 characters. Calibrated on measure-results printed at the official size:
 * rows that fill 0.29, 0.75, 1.25 and 1.41 pages are estimated at 0.33, 0.83, 1.19 and 1.38.
 */
const ADVANCE_EM = 0.35;
/** Word's single line pitch for TH SarabunPSK (formats.md). */
const PITCH_EM = 1.331;

/**
 * How much of a page's text column a row will likely fill, from its text alone: each cell's paragraphs set at
 * `textSize` official points in its share of the table's width, lines at the official pitch, the tallest cell
 * counted. A4's text column has about the same area portrait (16 × 25.2 cm) as landscape (24.7 × 16.5 cm), and a
 * row's height scales with its width, so one estimate serves both.
 *
 * @example
 * estimatePageShare([{ paragraphs: ['ไม่มี'], fraction: 0.2 }], 14) // about 0.03
 */
export function estimatePageShare(
  cells: readonly { paragraphs: readonly string[]; fraction: number }[],
  textSize: number,
  cellPaddingCm: { x: number; y: number } = DEFAULT_CELL_PADDING,
): number {
  const em = textSize * POINT_CM;
  const tallest = Math.max(
    0,
    ...cells.map(({ paragraphs, fraction }) => {
      const lineCm = Math.max(em, fraction * TEXT_COLUMN_CM.width - 2 * cellPaddingCm.x);
      const lines = paragraphs.reduce(
        (sum, text) => sum + Math.max(1, Math.ceil(([...text].length * ADVANCE_EM * em) / lineCm)),
        0,
      );
      return lines * PITCH_EM * em + 2 * cellPaddingCm.y;
    }),
  );
  return tallest / TEXT_COLUMN_CM.height;
}

/** A printed cell: merged cells are cut into one cell a row, joined by leaving out the rules between them. */
export interface PrintedCell<Cell> {
  cell: Cell;
  /** `continued` in the rows a merged cell goes on into: they print no text. */
  source: 'own' | 'continued';
  column: number;
  colspan: number;
  /** 1, or the rows a merged cell printed whole spans. */
  rowspan: number;
  /** A merged cell goes on from the row above: no rule above. */
  mergeAbove: boolean;
  /** A merged cell goes on into the row below: no rule below. */
  mergeBelow: boolean;
}

/**
 * The body's cells as they print: a cell merged down over several rows (rowspan) prints as a cell in each of those
 * rows, its text in the first and no rules between them. Chromium breaks a real rowspan badly across pages (the
 * merged cell runs on to the page foot while its rows move to the next page, and comes up short there); cut into
 * rows, each row breaks as any other and the merged column keeps its rules. A merged cell stops at a group row.
 * A cell for which `whole(row, cell, lastRow)` holds prints as one cell over its rows (its rows are then kept on one
 * page by the caller): the one way its text can stand in the middle or at the foot of all of them.
 *
 * @example
 * printedCells([[a2, b], [c]], places) // [[a2 (mergeBelow), b], [a2 (continued, mergeAbove), c]] when a2 spans 2
 * printedCells([[a2, b], [c]], places, () => true) // [[a2 (rowspan 2), b], [c]]
 */
export function printedCells<Cell extends { colspan: number; rowspan: number }>(
  rows: readonly (readonly Cell[] | null)[],
  places: readonly CellPlace[][],
  whole: (row: number, cell: number, lastRow: number) => boolean = () => false,
): PrintedCell<Cell>[][] {
  const printed: PrintedCell<Cell>[][] = rows.map((cells, r) =>
    (cells ?? []).map((cell, c) => ({
      cell,
      source: 'own',
      column: places[r]?.[c]?.column ?? 0,
      colspan: cell.colspan,
      rowspan: 1,
      mergeAbove: false,
      mergeBelow: false,
    })),
  );
  rows.forEach((cells, r) => {
    (cells ?? []).forEach((cell, c) => {
      let last = r;
      while (last < r + cell.rowspan - 1 && last + 1 < rows.length && rows[last + 1] !== null) last++;
      if (last === r) return;
      const own = printed[r]?.[c] as PrintedCell<Cell>;
      if (whole(r, c, last)) {
        own.rowspan = last - r + 1;
        return;
      }
      own.mergeBelow = true;
      for (let below = r + 1; below <= last; below++) {
        const row = printed[below] as PrintedCell<Cell>[];
        const at = row.findIndex((other) => other.column > own.column);
        row.splice(at < 0 ? row.length : at, 0, {
          ...own,
          source: 'continued',
          mergeAbove: true,
          mergeBelow: below < last,
        });
      }
    });
  });
  return printed;
}
