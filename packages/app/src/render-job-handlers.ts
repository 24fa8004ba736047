import { rm } from 'node:fs/promises';
import { type ClientError, clientError } from '@saraban/graphql';
import type { RenderJobHandlers, RenderQueue } from '@saraban/queue';
import type { Renderer, StageTimings } from '@saraban/render';
import type { BatchDocumentOutcome, BatchJobRepository, DocumentRepository, RenderRepository } from '@saraban/store';
import { batchErrorMessage } from './batch-error-message.js';
import { zipRenders } from './zip-renders.js';

/** What a worker's render job gives back to the API process waiting on it. */
export type RenderJobOutcome =
  | { renderId: string; cached: boolean; stageTimings: StageTimings }
  | { error: ClientError };

/** What a worker's jobs work with. */
export interface RenderJobHandlerOptions {
  renderer: Pick<Renderer, 'render'>;
  batchJobs: BatchJobRepository;
  documents: Pick<DocumentRepository, 'get'>;
  renders: Pick<RenderRepository, 'getPdfFile'>;
  queue: Pick<RenderQueue, 'enqueueArchive'>;
}

/**
 * How a worker runs each kind of job. Every handler may run twice for one job (its first worker died after doing the
 * work, before saying so), and the second run changes nothing: a document's render comes back from the render cache,
 * its place in the batch is recorded once, a DONE job's zip is not written again.
 *
 * - render: prints the document, giving back the render's id, or the error as a client would get it.
 * - document: prints one document of a batch and records it (or why it failed); the one that records the last
 *   document enqueues the zip.
 * - archive: writes the zip of the batch's PDFs and marks the job DONE.
 *
 * @example
 * await queue.work(printer.poolSize, renderJobHandlers({ renderer, batchJobs, documents, renders, queue }));
 */
export function renderJobHandlers(options: RenderJobHandlerOptions): RenderJobHandlers {
  const { renderer, batchJobs, queue } = options;
  return {
    async render({ documentId }): Promise<RenderJobOutcome> {
      try {
        const render = await renderer.render(documentId);
        return { renderId: render.id, cached: render.cached, stageTimings: render.stageTimings };
      } catch (error) {
        const known = clientError(error);
        // An error the map does not know is a bug or a broken machine: thrown, the job is tried again elsewhere.
        if (!known) throw error;
        return { error: known };
      }
    },

    async document({ batchJobId, position, documentId }) {
      let outcome: BatchDocumentOutcome;
      try {
        outcome = { renderId: (await renderer.render(documentId)).id };
      } catch (error) {
        outcome = { error: batchErrorMessage(error) };
      }
      const job = await batchJobs.recordDocument(batchJobId, position, outcome);
      if (job.done === job.documentIds.length) await queue.enqueueArchive(batchJobId);
    },

    async archive({ batchJobId }) {
      const job = await batchJobs.get(batchJobId);
      if (job === undefined || job.status === 'DONE') return;
      const archive = batchJobs.stagingPath();
      try {
        await zipRenders(options, job.documentIds, await batchJobs.listRenderIds(batchJobId), archive);
        await batchJobs.update(batchJobId, { status: 'DONE', archive });
      } catch (error) {
        await rm(archive, { force: true });
        throw error;
      }
    },
  };
}
