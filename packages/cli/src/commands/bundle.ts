import { openSaraban } from '@saraban/app';
import { runGraphql } from '../run-graphql.js';
import { asUserError, UserError } from '../user-error.js';
import { writeOutput } from '../write-output.js';
import { CREATE_DOCUMENT, readJson } from './render.js';

export interface BundleOptions {
  /** JSON files, each a DocumentInput, first to last (printed in a throwaway in-memory database). */
  data?: string[];
  /** Stored documents, first to last. */
  document?: string[];
  title?: string;
  out: string;
  db: string;
  templates: string;
  printTimeout?: number;
  /** The time limit of filling the template in, in milliseconds. */
  fillTimeout?: number;
  /** The heap of the fill thread, in megabytes. */
  fillMemory?: number;
  /** The time limit for Chromium to start, in milliseconds. */
  launchTimeout?: number;
}

/**
 * `saraban bundle`: several documents as one PDF with a bookmark to each, as a letter is sent with its enclosures:
 * JSON files holding DocumentInputs, or stored documents, in the order given.
 *
 * @example
 * await bundleCommand({ data: ['letter.json', 'enclosure.json'], out: 'letter.pdf', db, templates });
 */
export async function bundleCommand(options: BundleOptions): Promise<void> {
  const files = options.data ?? [];
  const stored = options.document ?? [];
  if (files.length > 0 === stored.length > 0) {
    throw new UserError('give the documents as --data <file.json> (repeated) or as --document <id> (repeated)');
  }
  const saraban = await openSaraban({
    databaseFile: files.length > 0 ? ':memory:' : options.db,
    templatesDir: options.templates,
    poolSize: 1,
    printTimeoutMs: options.printTimeout,
    fillTimeoutMs: options.fillTimeout,
    fillMemoryMb: options.fillMemory,
    launchTimeoutMs: options.launchTimeout,
  });
  try {
    const ids = [...stored];
    for (const file of files) {
      const created = await runGraphql<{ createDocument: { id: string } }>(saraban.context, file, CREATE_DOCUMENT, {
        input: await readJson(file),
      });
      ids.push(created.createDocument.id);
    }
    const render = await saraban.renderer.bundle(ids, { title: options.title }).catch((error: unknown) => {
      throw asUserError(error, [...files, ...stored].join(', '));
    });
    const pdf = await saraban.store.renders.getPdfFile(render.id);
    if (!pdf) throw new Error(`render ${render.id} was not stored`);
    await writeOutput(pdf.stream(), options.out);
    for (const warning of render.warnings) console.error(`warning: ${warning}`);
    console.log(
      `${options.out}: ${ids.length} documents, ${render.pages} pages, ${render.bytes} bytes, sha256 ${render.sha256}`,
    );
  } finally {
    await saraban.close();
  }
}
