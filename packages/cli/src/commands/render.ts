import { readFile } from 'node:fs/promises';
import { openSaraban } from '@saraban/app';
import { runGraphql } from '../run-graphql.js';
import { asUserError, UserError } from '../user-error.js';
import { writeOutput } from '../write-output.js';

export const CREATE_DOCUMENT = /* GraphQL */ `
  mutation CreateDocument($input: DocumentInput!) { createDocument(input: $input) { id version } }
`;

export interface RenderOptions {
  template?: string;
  data?: string;
  document?: string;
  out: string;
  db: string;
  templates: string;
  /** The time limit of the print, in milliseconds. */
  printTimeout?: number;
  /** The time limit of filling the template in, in milliseconds. */
  fillTimeout?: number;
  /** The heap of the fill thread, in megabytes. */
  fillMemory?: number;
  /** The time limit for Chromium to start, in milliseconds. */
  launchTimeout?: number;
}

/**
 * `saraban render`: prints a JSON file (a DocumentInput, in a throwaway in-memory database) or a stored document.
 *
 * @example
 * await renderCommand({ template: 'memo', data: 'memo.json', out: 'memo.pdf', db, templates });
 */
export async function renderCommand(options: RenderOptions): Promise<void> {
  if (Boolean(options.data) === Boolean(options.document)) {
    throw new UserError('give either --data <file.json> or --document <id>');
  }
  const saraban = await openSaraban({
    databaseFile: options.data ? ':memory:' : options.db,
    templatesDir: options.templates,
    poolSize: 1,
    printTimeoutMs: options.printTimeout,
    fillTimeoutMs: options.fillTimeout,
    fillMemoryMb: options.fillMemory,
    launchTimeoutMs: options.launchTimeout,
  });
  try {
    let documentId = options.document ?? '';
    if (options.data) {
      const input = { ...(await readJson(options.data)), ...(options.template ? { template: options.template } : {}) };
      const created = await runGraphql<{ createDocument: { id: string } }>(
        saraban.context,
        options.data,
        CREATE_DOCUMENT,
        { input },
      );
      documentId = created.createDocument.id;
    }
    const render = await saraban.renderer.render(documentId).catch((error: unknown) => {
      throw asUserError(error, options.data ?? `document ${documentId}`);
    });
    const pdf = await saraban.store.renders.getPdfFile(render.id);
    if (!pdf) throw new Error(`render ${render.id} was not stored`);
    // Streamed, never whole in memory: a long report is copied a piece at a time.
    await writeOutput(pdf.stream(), options.out);
    for (const warning of render.warnings) console.error(`warning: ${warning}`);
    console.log(`${options.out}: ${render.pages} pages, ${render.bytes} bytes, sha256 ${render.sha256}`);
  } finally {
    await saraban.close();
  }
}

/** Reads a JSON object file, with an error that names the file and what is wrong. */
export async function readJson(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UserError(`${file}: must hold one JSON object, a DocumentInput`);
    }
    return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}
