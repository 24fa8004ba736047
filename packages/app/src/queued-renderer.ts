import type { RenderQueue } from '@saraban/queue';
import { type PreviewResult, type Renderer, type RenderResult, renderBundle } from '@saraban/render';
import type { DocumentRepository, RenderRepository } from '@saraban/store';
import { GraphQLError } from 'graphql';
import type { RenderJobOutcome } from './render-job-handlers.js';

/** The repositories a {@link QueuedRenderer} reads renders from, and stores bundles with. */
export interface QueuedRendererStore {
  documents: Pick<DocumentRepository, 'get'>;
  renders: Pick<RenderRepository, 'get' | 'findCached' | 'stagingPath' | 'create' | 'getPdfFile'>;
}

/**
 * renderDocument on an API server that prints nothing (`saraban serve --no-worker`): the document is printed by a
 * worker, through the queue, and the render it stored is returned. An error comes back as the worker's client would
 * have got it, code and all. A bundle's documents are printed so, and joined here (joining needs no Chromium).
 *
 * @example
 * const renderer = new QueuedRenderer(queue, store, 480_000);
 * const render = await renderer.render(documentId);
 */
export class QueuedRenderer implements Pick<Renderer, 'render' | 'bundle' | 'preview'> {
  readonly #queue: Pick<RenderQueue, 'render'>;
  readonly #store: QueuedRendererStore;
  readonly #timeoutMs: number;

  constructor(queue: Pick<RenderQueue, 'render'>, store: QueuedRendererStore, timeoutMs: number) {
    this.#queue = queue;
    this.#store = store;
    this.#timeoutMs = timeoutMs;
  }

  bundle(documentIds: readonly string[], options: { title?: string | null } = {}): Promise<RenderResult> {
    const { documents, renders } = this.#store;
    return renderBundle({ documents, renders, render: (id) => this.render(id) }, documentIds, options);
  }

  async render(documentId: string): Promise<RenderResult> {
    const outcome = (await this.#queue.render(documentId, this.#timeoutMs)) as RenderJobOutcome;
    if ('error' in outcome) {
      const { code, message, extensions } = outcome.error;
      throw new GraphQLError(message, { extensions: { ...extensions, code } });
    }
    const render = await this.#store.renders.get(outcome.renderId);
    if (render === undefined) throw new Error(`render ${outcome.renderId} was stored by a worker but is gone`);
    return { ...render, cached: outcome.cached, stageTimings: outcome.stageTimings };
  }

  /** A preview prints at once, in the process that asks: an API server without Chromium has none to give. */
  preview(): Promise<PreviewResult> {
    return Promise.reject(
      new GraphQLError(
        'this API server prints nothing (saraban serve --no-worker): previews need a server that prints, ' +
          'e.g. saraban serve without --no-worker',
        { extensions: { code: 'UNAVAILABLE' } },
      ),
    );
  }
}
