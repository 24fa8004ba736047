import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { BatchJobError } from '@saraban/store';
import type { GraphQLSchema } from 'graphql';
import { ZipFile } from 'yazl';
import type { SarabanContext } from './context.js';
import { fileNameFrom } from './file-name.js';
import { renderDocument } from './render-document.js';

/**
 * Runs batch jobs in this process: each prints its documents as many at once as the printer has pages, records
 * progress in the database after every document, and stores a zip of the PDFs when done. A job cut off by a
 * shutdown stays RUNNING in the database and is run again by the next start (its finished documents come from
 * the render cache).
 *
 * @example
 * const runner = new BatchRunner(schema);
 * runner.start(context, job.id);
 * await runner.stop(); // on shutdown
 */
export class BatchRunner {
  readonly #schema: GraphQLSchema;
  readonly #running = new Map<string, Promise<void>>();
  #stopping = false;

  constructor(schema: GraphQLSchema) {
    this.#schema = schema;
  }

  /** Starts the job unless it is already running here. */
  start(context: SarabanContext, jobId: string): void {
    if (this.#stopping || this.#running.has(jobId)) return;
    const running = this.#run(context, jobId)
      .catch(async (error: unknown) => {
        // Something beyond one document went wrong (the database, the archive): the job fails, saying why.
        const message = error instanceof Error ? error.message : String(error);
        await context.store.batchJobs.update(jobId, {
          status: 'FAILED',
          errors: [{ documentId: null, message }],
        });
      })
      .finally(() => this.#running.delete(jobId));
    this.#running.set(jobId, running);
  }

  /** Starts every job a previous run left QUEUED or RUNNING. */
  async resume(context: SarabanContext): Promise<void> {
    for (const job of await context.store.batchJobs.listUnfinished()) this.start(context, job.id);
  }

  /** Lets the documents being printed finish, starts no more, and waits for the jobs to stop. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.allSettled(this.#running.values());
  }

  async #run(context: SarabanContext, jobId: string): Promise<void> {
    const job = await context.store.batchJobs.update(jobId, { status: 'RUNNING', done: 0, errors: [] });
    const renderIds: (string | undefined)[] = [];
    const errors: BatchJobError[] = [];
    let next = 0;
    let done = 0;
    const worker = async () => {
      for (let index = next++; index < job.documentIds.length && !this.#stopping; index = next++) {
        const documentId = job.documentIds[index] as string;
        try {
          renderIds[index] = (await renderDocument(this.#schema, context, documentId)).id;
        } catch (error) {
          errors.push({ documentId, message: error instanceof Error ? error.message : String(error) });
        }
        done += 1;
        await context.store.batchJobs.update(jobId, { done, errors });
      }
    };
    await Promise.all(Array.from({ length: context.printer.poolSize }, worker));
    if (this.#stopping) return;
    const archive = context.store.batchJobs.stagingPath();
    try {
      await zipRenders(context, job.documentIds, renderIds, archive);
      await context.store.batchJobs.update(jobId, { status: 'DONE', archive });
    } catch (error) {
      await rm(archive, { force: true });
      throw error;
    }
  }
}

/**
 * Writes a zip of the printed PDFs to `path`, each named by its place in the batch and its document's subject. Each
 * PDF is streamed from the store as the zip reaches it: neither they nor the zip are ever whole in memory.
 */
async function zipRenders(
  context: SarabanContext,
  documentIds: string[],
  renderIds: (string | undefined)[],
  path: string,
): Promise<void> {
  const zip = new ZipFile();
  const width = String(documentIds.length).length;
  for (const [index, renderId] of renderIds.entries()) {
    if (!renderId) continue;
    const [pdf, document] = await Promise.all([
      context.store.renders.getPdfFile(renderId),
      context.store.documents.get(documentIds[index] as string),
    ]);
    if (!pdf) continue;
    const subject = fileNameFrom(document?.subject ?? '', { maxLength: 80 });
    zip.addReadStreamLazy(`${String(index + 1).padStart(width, '0')}-${subject}.pdf`, { size: pdf.bytes }, (opened) =>
      opened(null, pdf.stream()),
    );
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}
