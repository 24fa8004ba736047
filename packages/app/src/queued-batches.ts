import type { BatchJobs } from '@saraban/graphql';
import type { RenderQueue } from '@saraban/queue';
import type { BatchJob, BatchJobRepository, StoredFile } from '@saraban/store';

/**
 * Batch jobs printed by workers (`saraban worker`, or `saraban serve` on PostgreSQL): `start` records the job and
 * enqueues one job per document, which any worker takes; progress and the zip come from the database, where the
 * workers record them.
 *
 * @example
 * const batches = new QueuedBatches(store.batchJobs, queue);
 * const job = await batches.start([id1, id2]);
 */
export class QueuedBatches implements BatchJobs {
  readonly #batchJobs: BatchJobRepository;
  readonly #queue: RenderQueue;

  constructor(batchJobs: BatchJobRepository, queue: RenderQueue) {
    this.#batchJobs = batchJobs;
    this.#queue = queue;
  }

  async start(documentIds: string[]): Promise<BatchJob> {
    const job = await this.#batchJobs.create(documentIds);
    try {
      await this.#queue.enqueueBatch(job.id, job.documentIds);
    } catch (error) {
      // Nobody would ever print it: the job fails, saying why, and the caller hears it too.
      const message = error instanceof Error ? error.message : String(error);
      await this.#batchJobs.update(job.id, { status: 'FAILED', errors: [{ documentId: null, message }] });
      throw error;
    }
    return job;
  }

  get(id: string): Promise<BatchJob | undefined> {
    return this.#batchJobs.get(id);
  }

  getArchive(id: string): Promise<StoredFile | undefined> {
    return this.#batchJobs.getArchive(id);
  }
}
