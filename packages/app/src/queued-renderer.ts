import type { RenderQueue } from '@saraban/queue';
import type { PreviewResult, Renderer, RenderResult } from '@saraban/render';
import type { RenderRepository } from '@saraban/store';
import { GraphQLError } from 'graphql';
import type { RenderJobOutcome } from './render-job-handlers.js';

/**
 * renderDocument on an API server that prints nothing (`saraban serve --no-worker`): the document is printed by a
 * worker, through the queue, and the render it stored is returned. An error comes back as the worker's client would
 * have got it, code and all.
 *
 * @example
 * const renderer = new QueuedRenderer(queue, store.renders, 480_000);
 * const render = await renderer.render(documentId);
 */
export class QueuedRenderer implements Pick<Renderer, 'render' | 'preview'> {
  readonly #queue: Pick<RenderQueue, 'render'>;
  readonly #renders: Pick<RenderRepository, 'get'>;
  readonly #timeoutMs: number;

  constructor(queue: Pick<RenderQueue, 'render'>, renders: Pick<RenderRepository, 'get'>, timeoutMs: number) {
    this.#queue = queue;
    this.#renders = renders;
    this.#timeoutMs = timeoutMs;
  }

  async render(documentId: string): Promise<RenderResult> {
    const outcome = (await this.#queue.render(documentId, this.#timeoutMs)) as RenderJobOutcome;
    if ('error' in outcome) {
      const { code, message, extensions } = outcome.error;
      throw new GraphQLError(message, { extensions: { ...extensions, code } });
    }
    const render = await this.#renders.get(outcome.renderId);
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
