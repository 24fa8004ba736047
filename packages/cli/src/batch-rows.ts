import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readSheet, type SheetData } from 'read-excel-file/node';
import { decodeStaffText } from './staff-text.js';
import { UserError } from './user-error.js';

/** One input row, numbered from 1 in the order of the file. */
export interface BatchRow {
  row: number;
  values: Record<string, unknown>;
}

/** How a batch reads its rows. */
export interface BatchRowsOptions {
  /** The encoding of a CSV file, when it is not to be guessed (see {@link decodeStaffText}). */
  encoding?: string;
  /**
   * What an empty cell of a CSV or .xlsx file does: 'keep' leaves the field to the base document (the default),
   * 'clear' clears it (the field is null).
   */
  emptyCells?: 'keep' | 'clear';
}

/** The rows of a batch, and the encoding a CSV file was read in. */
export interface BatchRows {
  rows: BatchRow[];
  /** Set for a CSV file: 'utf-8', or 'windows-874' for Thai Excel's plain CSV. */
  encoding?: string;
}

/**
 * Reads the rows of a batch: CSV (a header row of dotted field names, e.g. `signer.givenName` or
 * `body.0.paragraph.text`; UTF-8, or Windows-874 as Thai Excel saves it), an Excel workbook (.xlsx, its first sheet,
 * the same header row), JSON Lines (one object a line) or JSON (an array of objects).
 *
 * @example
 * const { rows, encoding } = await readBatchRows('announcements.csv', { emptyCells: 'clear' });
 */
export async function readBatchRows(file: string, options: BatchRowsOptions = {}): Promise<BatchRows> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`${file}: cannot read it (${error.code ?? error.message})`);
  });
  const extension = extname(file).toLowerCase();
  const emptyCells = options.emptyCells ?? 'keep';
  if (extension === '.csv') {
    const { text, encoding } = decodeStaffText(bytes, file, options.encoding);
    return { rows: tableRows(csvTable(file, text), emptyCells), encoding };
  }
  if (extension === '.xlsx') return { rows: tableRows(await workbookTable(file, bytes), emptyCells) };
  const text = bytes.toString('utf8');
  if (extension === '.jsonl' || extension === '.ndjson') {
    const rows = text
      .split('\n')
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, index }, i) => ({ row: i + 1, values: jsonObject(file, line, `line ${index + 1}`) }));
    return { rows };
  }
  if (extension === '.json') {
    const value: unknown = parseJson(file, text, 'the file');
    if (!Array.isArray(value)) throw new UserError(`${file}: must hold a JSON array of objects, one a row`);
    return { rows: value.map((item, index) => ({ row: index + 1, values: asObject(file, item, `item ${index}`) })) };
  }
  throw new UserError(`${file}: rows must be .csv, .xlsx, .jsonl or .json`);
}

function csvTable(file: string, text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new UserError(`${file}: not valid CSV: ${(error as Error).message}`);
  }
}

/** The first sheet of a workbook as text cells, as the sheet shows them (a date as YYYY-MM-DD). */
async function workbookTable(file: string, bytes: Buffer): Promise<string[][]> {
  let sheet: SheetData;
  try {
    sheet = await readSheet(bytes, { trim: true });
  } catch (error) {
    throw new UserError(`${file}: not an Excel workbook that can be read (${(error as Error).message})`);
  }
  return sheet.map((cells) => cells.map(cellText));
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  // Excel keeps a date as a day number; read-excel-file gives it as midnight UTC of that day.
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** Rows from a table whose first row names the fields, numbered from 1 after it. */
function tableRows([header = [], ...records]: string[][], emptyCells: 'keep' | 'clear'): BatchRow[] {
  return records.map((record, index) => {
    const values: Record<string, unknown> = {};
    header.forEach((column, i) => {
      if (column === '') return;
      const cell = record[i] ?? '';
      if (cell !== '') setPath(values, column.split('.'), cell);
      else if (emptyCells === 'clear') setPath(values, column.split('.'), null);
    });
    return { row: index + 1, values };
  });
}

function parseJson(file: string, text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: ${where} is not valid JSON: ${(error as Error).message}`);
  }
}

function jsonObject(file: string, text: string, where: string): Record<string, unknown> {
  return asObject(file, parseJson(file, text, where), where);
}

function asObject(file: string, value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${file}: ${where} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Sets `path` in `target`, making objects, or arrays where the next segment is a number. */
function setPath(target: Record<string, unknown> | unknown[], path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const container = target as Record<string, unknown>;
  if (rest.length === 0) {
    container[head] = value;
    return;
  }
  const next = container[head] ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {});
  container[head] = next;
  setPath(next as Record<string, unknown>, rest, value);
}

/**
 * A row laid over a base document: objects merge field by field, arrays item by item, anything else replaces.
 *
 * @example
 * mergeOver({ signer: { title: 'นาย', givenName: 'ก' } }, { signer: { givenName: 'ข' } })
 * // { signer: { title: 'นาย', givenName: 'ข' } }
 */
export function mergeOver(base: unknown, row: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(row)) {
    return Array.from({ length: Math.max(base.length, row.length) }, (_, i) =>
      i in row && row[i] !== undefined ? mergeOver(base[i], row[i]) : base[i],
    );
  }
  if (isPlainObject(base) && isPlainObject(row)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(row)) merged[key] = mergeOver(base[key], value);
    return merged;
  }
  return row === undefined ? base : row;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
