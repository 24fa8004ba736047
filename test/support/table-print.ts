import { measureFieldLabel, toArabicDigits } from '@saraban/thai';
import { type DocumentJson, stripMarkup } from './document-text.js';
import type { Box, Line, PageLayout, Word } from './layout.js';
import { fullWidthRules, type PageRules } from './rules.js';

/** One body row of a table as the input has it: each cell's paragraphs (group rows have one cell). */
export interface InputRow {
  /** Which table of the body, from 0. */
  table: number;
  group: boolean;
  cells: string[][];
}

/** A table's header as it prints, read cell by cell (see {@link bandText}): its labels, or its header rows' cells. */
export function headerText(table: DocumentJson): string {
  if (table.groups) {
    const fields = table.columns?.map((c: DocumentJson) => c.label ?? measureFieldLabel(c.field)) ?? [];
    return comparable((fields.length ? fields : DEFAULT_MEASURE_LABELS).join(''));
  }
  if (!table.headerRows?.length) return comparable(table.columns.map((c: DocumentJson) => c.label).join(''));
  // Header cells ordered by the column they start in, then by row: as bandText reads them.
  const cells: { column: number; row: number; text: string }[] = [];
  let covered: number[] = [];
  table.headerRows.forEach((row: DocumentJson, r: number) => {
    const next = covered.map((n) => Math.max(0, n - 1));
    let column = 0;
    for (const cell of row.cells ?? []) {
      while ((covered[column] ?? 0) > 0) column++;
      const text = cell.text ?? (cell.blocks ?? []).map((b: DocumentJson) => b.paragraph?.text ?? '').join('');
      cells.push({ column, row: r, text });
      for (let c = column; c < column + (cell.colspan ?? 1); c++) next[c] = (cell.rowspan ?? 1) - 1;
      column += cell.colspan ?? 1;
    }
    covered = next;
  });
  cells.sort((a, b) => a.column - b.column || a.row - b.row);
  return comparable(cells.map((cell) => cell.text).join(''));
}

/** The columns of a measure table that names none. */
const DEFAULT_MEASURE_FIELDS = ['TITLE', 'STEPS', 'OWNER', 'PERIOD', 'RESULT', 'SUGGESTION'] as const;
const DEFAULT_MEASURE_LABELS = DEFAULT_MEASURE_FIELDS.map((field) => measureFieldLabel(field));

/** Every table and measure table of a body, in order (those inside list items too). */
export function bodyTables(blocks: DocumentJson[]): DocumentJson[] {
  return blocks.flatMap((block) => [
    ...(block.table ? [block.table] : []),
    ...(block.measureTable ? [block.measureTable] : []),
    ...(block.list ? block.list.items.flatMap((item: DocumentJson) => bodyTables(item.blocks ?? [])) : []),
  ]);
}

/**
 * The body rows of every table and measure table in a document's body, in order, with each cell's text items.
 *
 * @example
 * inputRows(example.body).filter((row) => !row.group).length // rows that must not split
 */
export function inputRows(blocks: DocumentJson[]): InputRow[] {
  const itemsOf = (cellBlocks: DocumentJson[]): string[] =>
    cellBlocks.flatMap((block) => {
      if (block.paragraph) return [block.paragraph.text];
      if (block.heading) return [block.heading.text];
      if (block.list) {
        return block.list.items.flatMap((item: DocumentJson) => [item.text, ...itemsOf(item.blocks ?? [])]);
      }
      return [];
    });
  return bodyTables(blocks).flatMap((table, index): InputRow[] => {
    if (table.groups) {
      const fields: DocumentJson[] = table.columns ?? DEFAULT_MEASURE_FIELDS.map((field) => ({ field }));
      const textOf = (m: DocumentJson, column: DocumentJson): string[] => {
        switch (column.field) {
          case 'TITLE':
            return [m.title];
          case 'STEPS':
            return m.stepBlocks ? itemsOf(m.stepBlocks) : (m.steps ?? []);
          case 'RESULT':
            return m.resultBlocks ? itemsOf(m.resultBlocks) : (m.result ?? []);
          case 'OUTCOME':
            return m.outcomeBlocks ? itemsOf(m.outcomeBlocks) : (m.outcome ?? []);
          case 'MONITORING':
            return itemsOf(m.monitoring ?? []);
          case 'OWNER':
          case 'SUGGESTION':
          case 'INDICATOR':
            return [m[column.field.toLowerCase()] ?? ''];
          case 'CUSTOM':
            return [(m.custom ?? []).find((text: DocumentJson) => text.key === column.key)?.text ?? ''];
          default:
            // Periods, deadlines and budgets print formatted: their own tests read them.
            return [];
        }
      };
      return table.groups.flatMap((group: DocumentJson) => [
        ...(group.title ? [{ table: index, group: true, cells: [[group.title]] }] : []),
        ...group.measures.map((m: DocumentJson) => ({
          table: index,
          group: false,
          cells: fields.map((column) => textOf(m, column)),
        })),
      ]);
    }
    return table.rows.map((row: DocumentJson) =>
      row.group
        ? { table: index, group: true, cells: [[row.group]] }
        : {
            table: index,
            group: false,
            cells: (row.cells ?? []).map((c: DocumentJson) => (c.blocks ? itemsOf(c.blocks) : [c.text ?? ''])),
          },
    );
  });
}

/** Text compared across input and print: no white space, no markup, Arabic digits (print follows the document's). */
export function comparable(text: string): string {
  return toArabicDigits(stripMarkup(text)).replace(/\s+/g, '');
}

/** Where a row's text starts and ends: 1-based pages. */
export interface RowPlace {
  row: InputRow;
  first: number;
  last: number;
}

type Position = [page: number, offset: number];

/** Items shorter than this many letters are too common to place. */
const SHORTEST_PLACED = 6;
/** Letters an item is looked for by: enough to tell apart items that begin alike ("๑. เทศบาลนครลำปางได้มีการ…"). */
const HEAD = 30;
/** Letters an item's part on a page may seem to run on into the next cell. */
const OVERSHOOT = 10;

/**
 * Finds every row's text in the pages' text (pdftotext -raw: content order, cell after cell), in order: each item
 * of each cell whole, or, where a row runs over a page, its first part at the page's end of that cell and the rest
 * on the next page. A row whose text begins and ends on different pages split. Throws when an item's text is not
 * found in order: the text did not print as it went in.
 *
 * @example
 * const split = placeRows(rows, pages).filter((place) => place.first !== place.last);
 */
export function placeRows(rows: InputRow[], rawPages: string[]): RowPlace[] {
  const pages = rawPages.map(comparable);
  const find = (needle: string, from: Position): Position => {
    for (let p = from[0]; p < pages.length; p++) {
      const at = (pages[p] ?? '').indexOf(needle, p === from[0] ? from[1] : 0);
      if (at >= 0) return [p, at];
    }
    throw new Error(`"${needle}" is not in the print after page ${from[0] + 1}`);
  };
  /**
   * Where the rest of an item goes on, on the first page from `fromPage` that holds its first letters: of the places
   * there, the one that matches most of it (another cell's item may begin alike).
   */
  const continuation = (rest: string, fromPage: number): Position | null => {
    const head = rest.slice(0, HEAD);
    for (let p = fromPage; p < pages.length; p++) {
      const text = pages[p] ?? '';
      let best: Position | null = null;
      let bestLength = -1;
      for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
        let n = 0;
        while (n < rest.length && text[at + n] === rest[n]) n++;
        if (n > bestLength) [best, bestLength] = [[p, at], n];
      }
      if (best) return best;
    }
    return null;
  };
  /** Matches one item from `from`: where it starts, where its first page's part ends, and where it ends. */
  const matchItem = (item: string, from: Position) => {
    const start = find(item.slice(0, HEAD), from);
    let [page, offset] = start;
    let consumed = 0;
    let firstPageEnd: Position | null = null;
    for (;;) {
      const text = pages[page] ?? '';
      let n = 0;
      while (consumed + n < item.length && text[offset + n] === item[consumed + n]) n++;
      consumed += n;
      offset += n;
      if (consumed === item.length)
        return { start, firstPageEnd: firstPageEnd ?? [page, offset], end: [page, offset] as Position };
      // The item goes on on a later page (the next, unless a row taller than a page fills it). The letters after
      // its part here may happen to match what follows it (the next cell's): its rest may begin a little earlier.
      const back = Math.min(n, OVERSHOOT);
      firstPageEnd ??= [page, offset - back];
      let next: Position | null = null;
      for (let k = 0; k <= back && !next; k++) {
        next = continuation(item.slice(consumed - k), page + 1);
        if (next) consumed -= k;
      }
      if (!next)
        throw new Error(`"${item.slice(consumed, consumed + HEAD)}" is not in the print after page ${page + 1}`);
      [page, offset] = next;
    }
  };
  const later = (a: Position, b: Position): Position => (a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]) ? a : b);
  let cursor: Position = [0, 0];
  return rows.map((row) => {
    let first = Number.POSITIVE_INFINITY;
    let end = cursor;
    // Cells print one after another on the row's first page; what runs over comes after on the next.
    let cellFrom = cursor;
    for (const cell of row.cells) {
      let itemFrom = cellFrom;
      let cellFirstPageEnd: Position | null = null;
      // An item of a few letters ("๑", "ไม่มี") could be found anywhere: it is not placed.
      for (const item of cell.map(comparable).filter((text) => text.length >= SHORTEST_PLACED)) {
        const match = matchItem(item, itemFrom);
        first = Math.min(first, match.start[0] + 1);
        if (!cellFirstPageEnd || match.firstPageEnd[0] === cellFirstPageEnd[0]) cellFirstPageEnd = match.firstPageEnd;
        end = later(end, match.end);
        itemFrom = match.end;
      }
      if (cellFirstPageEnd) cellFrom = cellFirstPageEnd;
    }
    cursor = end;
    return { row, first: Number.isFinite(first) ? first : end[0] + 1, last: end[0] + 1 };
  });
}

/** A table as it stands on one page: its edges, its full-width rules top to bottom, and the words inside it. */
export interface TableOnPage {
  page: number;
  left: number;
  right: number;
  /** Heights of the rules that run across the whole table, top to bottom. */
  rules: number[];
  /** The lowest point any column rule reaches. */
  columnsEnd: number;
  words: Word[];
}

/**
 * The table on a page, from its ruled lines: its left and right edges are the outermost column rules; its words are
 * those between its top and bottom rules. Undefined on a page without column rules.
 *
 * @example
 * const table = tableOnPage(rules[1], layout[1]);
 */
export function tableOnPage(rules: PageRules, layout: PageLayout): TableOnPage | undefined {
  if (rules.vertical.length === 0) return undefined;
  const left = Math.min(...rules.vertical.map((rule) => rule.xMin));
  const right = Math.max(...rules.vertical.map((rule) => rule.xMax));
  const full = fullWidthRules(rules.horizontal, left, right);
  const top = Math.min(...rules.vertical.map((rule) => rule.yMin));
  const columnsEnd = Math.max(...rules.vertical.map((rule) => rule.yMax));
  const words = layout.lines
    .flatMap((line) => line.words)
    .filter(
      (word) => word.xMin >= left - 1 && word.xMax <= right + 1 && word.yMin >= top - 1 && word.yMax <= columnsEnd + 1,
    );
  return { page: rules.number, left, right, rules: full, columnsEnd, words };
}

/**
 * The words inside a band of a table, read cell by cell: ordered by the column rule to their left, then top to bottom,
 * then left to right; joined without spaces.
 *
 * @example
 * bandText(table, rules, table.rules[0], table.rules[1]) // the header row's text
 */
export function bandText(table: TableOnPage, rules: PageRules, top: number, bottom: number): string {
  const cellLeft = (word: Box) =>
    Math.max(
      table.left,
      ...rules.vertical
        .filter((rule) => rule.xMax <= word.xMin + 1 && rule.yMin < word.yMax && rule.yMax > word.yMin)
        .map((rule) => rule.xMin),
    );
  return table.words
    .filter((word) => word.yMin >= top - 0.5 && word.yMax <= bottom + 0.5)
    .map((word) => ({ word, cell: cellLeft(word) }))
    .sort((a, b) => a.cell - b.cell || a.word.yMin - b.word.yMin || a.word.xMin - b.word.xMin)
    .map(({ word }) => comparable(word.text))
    .join('');
}

/**
 * The words that cross a column rule standing beside them: text that ran out of its cell.
 *
 * @example
 * expect(wordsAcrossRules(table, rules)).toEqual([]);
 */
export function wordsAcrossRules(table: TableOnPage, rules: PageRules): string[] {
  return table.words
    .filter((word) =>
      rules.vertical.some(
        (rule) =>
          rule.yMin < word.yMax - 1 &&
          rule.yMax > word.yMin + 1 &&
          rule.xMin > word.xMin + 0.5 &&
          rule.xMax < word.xMax - 0.5,
      ),
    )
    .map((word) => word.text);
}

/**
 * The lines of each cell of a table on its page, each with the line under it in the same cell: words are put in the
 * column whose rules stand either side of them, and a column's words on one baseline make a line. pdftotext's own
 * lines run across the cells of a row, so a cell's breaks are read from these.
 *
 * @example
 * expect(badBreaks(cellLinePairs(onPage, rules), texts)).toEqual([]);
 */
export function cellLinePairs(table: TableOnPage, rules: PageRules): [Line, Line][] {
  const columns = new Map<number, Word[]>();
  for (const word of table.words) {
    const left = rules.vertical
      .filter((rule) => rule.yMin < word.yMax && rule.yMax > word.yMin && rule.xMax <= word.xMin + 1)
      .reduce((best, rule) => Math.max(best, rule.xMax), table.left);
    const key = Math.round(left);
    columns.set(key, [...(columns.get(key) ?? []), word]);
  }
  const pairs: [Line, Line][] = [];
  for (const words of columns.values()) {
    const lines: Line[] = [];
    for (const word of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
      const line = lines.find((candidate) => Math.abs(candidate.yMin - word.yMin) < 1);
      if (line) {
        line.words.push(word);
        line.xMax = Math.max(line.xMax, word.xMax);
        line.text = `${line.text} ${word.text}`;
      } else lines.push({ ...word, words: [word] });
    }
    for (const [index, line] of lines.entries()) {
      const below = lines[index + 1];
      if (below && below.yMin - line.yMin < 2 * (line.yMax - line.yMin)) pairs.push([line, below]);
    }
  }
  return pairs;
}
