import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileNameFrom, openSaraban, renderEach } from '@saraban/app';
import { clientError } from '@saraban/graphql';
import type { GraphQLError } from 'graphql';
import { batchProgress } from '../batch-progress.js';
import { type BatchRow, mergeOver, readBatchRows } from '../batch-rows.js';
import { errorField, executeGraphql } from '../run-graphql.js';
import { UserError } from '../user-error.js';
import { writeOutput } from '../write-output.js';
import { CREATE_DOCUMENT, readJson } from './render.js';

export interface BatchOptions {
  template: string;
  data: string;
  out: string;
  base?: string;
  name: string;
  pool: number;
  templates: string;
  /** The encoding of a CSV file, when it is not to be guessed. */
  encoding?: string;
  /** What an empty cell does: leave the field to the base document, or clear it. */
  emptyCells: 'keep' | 'clear';
  /** The time limit of one print, in milliseconds. */
  printTimeout?: number;
  /** The time limit of filling the template in, in milliseconds. */
  fillTimeout?: number;
  /** The heap of the fill thread, in megabytes. */
  fillMemory?: number;
  /** The time limit for Chromium to start, in milliseconds. */
  launchTimeout?: number;
}

/** Why a row did not become a PDF: the input field at fault, when there is one. */
class RowError extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }

  static from(errors: readonly GraphQLError[]): RowError {
    const [first] = errors;
    return new RowError(first ? (errorField(first) ?? null) : null, first?.message ?? 'unknown error');
  }

  /** A render that failed, as the API would report it; a bug is thrown as it is. */
  static fromRender(error: unknown): RowError {
    const known = clientError(error);
    if (!known) throw error;
    return new RowError(null, known.message);
  }
}

/** A row that did not become a PDF, as written to errors.jsonl. */
interface RowFailure {
  row: number;
  field: string | null;
  message: string;
}

/**
 * `saraban batch`: one PDF per row, as many at once as the pool has pages. A row that fails is written with its
 * row number and field path to <out>/errors.jsonl and the rest go on; the exit code is 1 when any row failed.
 *
 * @example
 * await batchCommand({ template: 'memo', data: 'rows.csv', out: 'pdfs', name: '{row}', pool: 2, templates });
 */
export async function batchCommand(options: BatchOptions): Promise<void> {
  const started = Date.now();
  const { rows, encoding } = await readBatchRows(options.data, options);
  if (encoding && encoding !== 'utf-8') console.error(`${options.data}: read as ${encoding}`);
  const base = options.base ? await readJson(options.base) : {};
  await mkdir(options.out, { recursive: true });
  const saraban = await openSaraban({
    databaseFile: ':memory:',
    templatesDir: options.templates,
    poolSize: options.pool,
    printTimeoutMs: options.printTimeout,
    fillTimeoutMs: options.fillTimeout,
    fillMemoryMb: options.fillMemory,
    launchTimeoutMs: options.launchTimeout,
  });
  const template = saraban.context.templates.get(options.template);
  if (!template) {
    await saraban.close();
    throw new UserError(`there is no template "${options.template}"`);
  }
  const failures: RowFailure[] = [];
  const fileNames = new Map<string, number>();
  const progress = batchProgress(rows.length, process.stderr);
  const width = String(rows.length).length;

  const printRow = async ({ row, values }: BatchRow): Promise<void> => {
    const input = { kind: template.kind, ...(mergeOver(base, values) as object), template: template.name };
    const name = fileName(options.name, row, width, input);
    const previous = fileNames.get(name);
    if (previous !== undefined) {
      throw new RowError(null, `file name "${name}.pdf" is already used by row ${previous}`);
    }
    fileNames.set(name, row);
    const created = await executeGraphql<{ createDocument: { id: string; version: number } }>(
      saraban.context,
      CREATE_DOCUMENT,
      { input },
    );
    if (created.errors) throw RowError.from(created.errors);
    const { id, version } = created.data.createDocument;
    const render = await saraban.renderer.render(id).catch((error: unknown) => {
      throw RowError.fromRender(error);
    });
    const pdf = await saraban.store.renders.getPdfFile(render.id);
    if (!pdf) throw new Error(`render of row ${row} was not stored`);
    await writeOutput(pdf.stream(), join(options.out, `${name}.pdf`));
    // The PDF is on disk: drop the throwaway copy so a long batch does not hold every PDF in memory.
    await saraban.store.documents.delete(id, version);
  };

  try {
    await renderEach(rows, saraban.renderer.concurrency, {
      each: async (row) => {
        try {
          await printRow(row);
        } catch (error) {
          const field = error instanceof RowError ? error.field : null;
          failures.push({ row: row.row, field, message: error instanceof Error ? error.message : String(error) });
        }
        progress.tick(failures.length);
      },
    });
  } finally {
    progress.stop();
    await saraban.close();
  }

  failures.sort((a, b) => a.row - b.row);
  const errorsFile = join(options.out, 'errors.jsonl');
  await writeOutput(failures.map((failure) => `${JSON.stringify(failure)}\n`).join(''), errorsFile);
  const seconds = (Date.now() - started) / 1000;
  const printed = rows.length - failures.length;
  console.log(
    `${rows.length} rows: ${printed} PDFs in ${options.out}, ${failures.length} failed` +
      `${failures.length > 0 ? ` (see ${errorsFile})` : ''}, in ${seconds.toFixed(1)} s (${(printed / seconds).toFixed(1)} PDFs/s)`,
  );
  if (failures.length > 0) process.exitCode = 1;
}

/** The PDF's name from the pattern: {row} is the row number, zero-padded; {a.b} a field of the row's document. */
function fileName(pattern: string, row: number, width: number, input: object): string {
  const name = pattern.replace(/\{([^}]+)\}/g, (_, path: string) => {
    if (path === 'row') return String(row).padStart(width, '0');
    const value = path
      .split('.')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], input);
    return value === undefined || value === null ? '' : String(value);
  });
  // Keep names to one path segment, readable in any file manager.
  return fileNameFrom(name, { replacement: '-', fallback: String(row).padStart(width, '0') });
}
