import { rm } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import { type BatchJobs, limits, QueueFullError } from '@saraban/graphql';
import type { Renderer } from '@saraban/render';
import type {
  BatchDocumentOutcome,
  BatchJob,
  BatchJobRepository,
  DocumentRepository,
  RenderRepository,
  StoredFile,
} from '@saraban/store';
import { batchErrorMessage } from './batch-error-message.js';
import { renderEach } from './render-each.js';
import { zipRenders } from './zip-renders.js';

/** What a BatchRunner works with. */
export interface BatchRunnerOptions {
  batchJobs: BatchJobRepository;
  documents: Pick<DocumentRepository, 'get'>;
  renders: Pick<RenderRepository, 'getPdfFile'>;
  renderer: Pick<Renderer, 'render' | 'concurrency'>;
}

/**
 * Runs batch jobs in this process: each prints its documents as many at once as the printer has tabs, records
 * each document's outcome in the database as it ends (one row and a count: the same work for the ten-thousandth
 * document as for the first), and stores a zip of the PDFs when done. A job cut off by a
 * shutdown stays RUNNING in the database and is run again by the next start (its finished documents come from
 * the render cache).
 *
 * @example
 * const batches = new BatchRunner({ batchJobs, documents, renders, renderer });
 * const job = await batches.start([id1, id2]);
 * await batches.stop(); // on shutdown
 */
export class BatchRunner implements BatchJobs {
  readonly #options: BatchRunnerOptions;
  readonly #running = new Map<string, Promise<void>>();
  /** Documents in the jobs running here, not yet finished: bounded by limits.queuedDocuments. */
  #queued = 0;
  #stopping = false;

  constructor(options: BatchRunnerOptions) {
    this.#options = options;
  }

  async start(documentIds: string[]): Promise<BatchJob> {
    if (this.#queued + documentIds.length > limits.queuedDocuments) {
      throw new QueueFullError(this.#queued, documentIds.length);
    }
    const job = await this.#options.batchJobs.create(documentIds);
    this.#run(job.id, documentIds.length);
    return job;
  }

  get(id: string): Promise<BatchJob | undefined> {
    return this.#options.batchJobs.get(id);
  }

  getArchive(id: string): Promise<StoredFile | undefined> {
    return this.#options.batchJobs.getArchive(id);
  }

  /** Starts every job a previous run left QUEUED or RUNNING. */
  async resume(): Promise<void> {
    for (const job of await this.#options.batchJobs.listUnfinished()) this.#run(job.id, job.documentIds.length);
  }

  /** Lets the documents being printed finish, starts no more, and waits for the jobs to stop. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.allSettled(this.#running.values());
  }

  /** Runs the job of `documents` documents unless it is already running here. */
  #run(jobId: string, documents: number): void {
    if (this.#stopping || this.#running.has(jobId)) return;
    this.#queued += documents;
    const running = this.#print(jobId)
      .catch(async (error: unknown) => {
        // Something beyond one document went wrong (the database, the archive): the job fails, saying why.
        const message = error instanceof Error ? error.message : String(error);
        await this.#options.batchJobs.update(jobId, { status: 'FAILED', errors: [{ documentId: null, message }] });
      })
      .finally(() => {
        this.#queued -= documents;
        this.#running.delete(jobId);
      });
    this.#running.set(jobId, running);
  }

  async #print(jobId: string): Promise<void> {
    const { batchJobs, renderer } = this.#options;
    const job = await batchJobs.restart(jobId);
    const renderIds: (string | undefined)[] = [];
    await renderEach(job.documentIds, renderer.concurrency, {
      stopped: () => this.#stopping,
      each: async (documentId, index) => {
        let outcome: BatchDocumentOutcome;
        try {
          const render = await renderer.render(documentId);
          renderIds[index] = render.id;
          outcome = { renderId: render.id };
        } catch (error) {
          outcome = { error: batchErrorMessage(error) };
        }
        await batchJobs.countDocument(jobId, index, outcome);
        // SQLite answers at once, so a document that fails at once (a missing id) is microtasks only: without a
        // turn of the event loop between documents, a job of ten thousand would hold every request until its end.
        await setImmediate();
      },
    });
    if (this.#stopping) return;
    const archive = batchJobs.stagingPath();
    try {
      await zipRenders(this.#options, job.documentIds, renderIds, archive);
      await batchJobs.update(jobId, { status: 'DONE', archive });
    } catch (error) {
      await rm(archive, { force: true });
      throw error;
    }
  }
}
