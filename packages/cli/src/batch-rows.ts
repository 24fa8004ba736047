import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from './user-error.js';

/** One input row, numbered from 1 in the order of the file. */
export interface BatchRow {
  row: number;
  values: Record<string, unknown>;
}

/**
 * Reads the rows of a batch: CSV (a header row of dotted field names, e.g. `signer.givenName` or
 * `body.0.paragraph.text`), JSON Lines (one object a line) or JSON (an array of objects).
 *
 * @example
 * const rows = await readBatchRows('announcements.csv');
 */
export async function readBatchRows(file: string): Promise<BatchRow[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`${file}: cannot read it (${error.code ?? error.message})`);
  });
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return csvRows(file, text);
  if (extension === '.jsonl' || extension === '.ndjson') {
    return text
      .split('\n')
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, index }, i) => ({ row: i + 1, values: jsonObject(file, line, `line ${index + 1}`) }));
  }
  if (extension === '.json') {
    const value: unknown = parseJson(file, text, 'the file');
    if (!Array.isArray(value)) throw new UserError(`${file}: must hold a JSON array of objects, one a row`);
    return value.map((item, index) => ({ row: index + 1, values: asObject(file, item, `item ${index}`) }));
  }
  throw new UserError(`${file}: rows must be .csv, .jsonl or .json`);
}

function csvRows(file: string, text: string): BatchRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new UserError(`${file}: not valid CSV: ${(error as Error).message}`);
  }
  return records.map((record, index) => {
    const values: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(record)) {
      // An empty cell leaves the field to the base document.
      if (cell !== '') setPath(values, column.split('.'), cell);
    }
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
