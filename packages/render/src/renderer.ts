import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedTemplate, TemplateFiller, TemplateRegistry } from '@saraban/engine';
import type { Printer } from '@saraban/print';
import type {
  Document,
  DocumentRepository,
  FontRepository,
  PrintClaimRepository,
  Render,
  RenderRepository,
} from '@saraban/store';
import { renderBundle } from './bundle.js';
import { DocumentFaces } from './document-faces.js';
import { pageWarnings } from './page-warnings.js';
import { StageClock, type StageTimings } from './stage-timings.js';
import { lookUpRender } from './stages/cache.js';
import { FILL_IN_THREAD, type FilledPage, fillTemplate } from './stages/fill.js';
import { finishPrinted } from './stages/finish.js';
import { loadDocument } from './stages/load-document.js';
import { printPage } from './stages/print.js';
import { type PrintedOnce, printOnce } from './stages/print-once.js';
import { type QueryRunner, runTemplateQuery } from './stages/run-query.js';
import { storeRender } from './stages/store-render.js';

/** What a Renderer works with. */
export interface RendererOptions {
  documents: Pick<DocumentRepository, 'get'>;
  renders: Pick<RenderRepository, 'findCached' | 'stagingPath' | 'create' | 'getPdfFile'>;
  /** Who prints which version now, shared by every process on the database: one prints, the others wait. */
  printClaims: Pick<PrintClaimRepository, 'claim' | 'renew' | 'release'>;
  fonts: Pick<FontRepository, 'getFiles'>;
  templates: TemplateRegistry;
  printer: Printer;
  /** Runs a template's query through the GraphQL schema. */
  runQuery: QueryRunner;
  /**
   * Fills templates in: a server's fill threads (the engine's startFillThreads), with a time limit. Default: on the
   * calling thread, without one.
   */
  filler?: TemplateFiller;
}

/** A render, whether it was printed now or reused, and how long each stage took. */
export type RenderResult = Render & {
  /** True when a stored render of the same document version, template output and assets was returned. */
  cached: boolean;
  stageTimings: StageTimings;
};

/** A PDF printed to be looked at, not kept: {@link Renderer.preview}. */
export interface PreviewResult {
  pdf: Uint8Array;
  pages: number;
  warnings: string[];
  /** How long each stage took: query, fill, print and finish. */
  stageTimings: StageTimings;
}

/**
 * A document id to a stored PDF, stage by stage: `load` the document and its template, run the template's `query`
 * through the schema, `fill` the template, look the page up in the render `cache`, `print` it with Chromium,
 * `finish` the PDF (continuation lines), and `store` it. Every caller prints through it: the GraphQL resolvers, the
 * CLI, batch jobs, a worker.
 *
 * @example
 * const renderer = new Renderer({ documents, renders, printClaims, fonts, templates, printer, runQuery, filler });
 * const render = await renderer.render(documentId);
 * console.log(render.pages, render.cached, render.stageTimings.print);
 */
export class Renderer {
  readonly #options: RendererOptions;
  readonly #faces: DocumentFaces;
  readonly #filler: TemplateFiller;
  /** Renders printing (or waited for, from another process) now, by cache key. */
  readonly #printing = new Map<string, Promise<PrintedOnce>>();

  constructor(options: RendererOptions) {
    this.#options = options;
    this.#faces = new DocumentFaces(options.fonts);
    this.#filler = options.filler ?? FILL_IN_THREAD;
  }

  /** How many documents print at once: more renders at a time only wait for a free Chromium tab. */
  get concurrency(): number {
    return this.#options.printer.poolSize;
  }

  /**
   * Prints the document's current version and stores the PDF, or returns the stored render of the same inputs.
   *
   * @throws {NotFoundError} (from the store) when there is no such document.
   * @throws {TemplateNotLoadedError}, {TemplateQueryError}, {TemplateFillError} (from the engine) when its template
   * cannot print it, {TemplateFillTimeoutError} when filling it in took longer than the filler's limit;
   * {FontNotStoredError} when its face is gone; the printer's errors ({PrintTimeoutError}, …).
   */
  async render(documentId: string): Promise<RenderResult> {
    const { documents, renders, templates, runQuery } = this.#options;
    const clock = new StageClock();
    const { document, template } = await clock.time('load', () => loadDocument(documents, templates, documentId));
    const data = await clock.time('query', () => runTemplateQuery(runQuery, template, document));
    const filled = await clock.time('fill', () => fillTemplate(this.#filler, template, data, document, this.#faces));
    const { key, cached } = await clock.time('cache', () => lookUpRender(renders, document, filled.page));
    if (cached) return { ...cached, cached: true, stageTimings: clock.timings };
    // Single flight: a render of the same key already printing in this process is waited for, not printed again;
    // one printing in another process is waited for too (printOnce).
    const printing = this.#printing.get(key);
    if (printing) return { ...(await printing).render, cached: true, stageTimings: clock.timings };
    const rendering = printOnce(this.#options, document.id, key, () =>
      this.#printAndStore(clock, { document, template, filled, key }),
    );
    this.#printing.set(key, rendering);
    try {
      const { render, printed } = await rendering;
      return { ...render, cached: !printed, stageTimings: clock.timings };
    } finally {
      this.#printing.delete(key);
    }
  }

  /** Stages print, finish and store of {@link render}, once per cache key at a time. */
  async #printAndStore(
    clock: StageClock,
    {
      document,
      template,
      filled,
      key,
    }: { document: Document; template: LoadedTemplate; filled: FilledPage; key: string },
  ): Promise<Render> {
    const { renders, printer } = this.#options;
    // Printed straight into the store's file directory: storing it reads it into the database, or renames it there when
    // it is over 1 MiB.
    const file = renders.stagingPath();
    const { warnings } = await clock.time('print', () => printPage(printer, filled.page, file));
    const { pages } = await clock.time('finish', () => finishPrinted(template, filled, document, file));
    return clock.time('store', () =>
      storeRender(renders, {
        document,
        template: template.name,
        templateVersion: template.version,
        pages,
        warnings: [...pageWarnings(document.data, filled.page.html, filled.glyphs), ...warnings],
        file,
        cacheKey: key,
      }),
    );
  }

  /**
   * Several stored documents as one PDF, in the order given: each is rendered (or its stored render reused), then
   * their PDFs are joined with a bookmark per document, its subject, as a letter is sent with its enclosures. The
   * bundle is stored as a render of the first document (template "bundle"), so it downloads like any render and is
   * returned again, unprinted, for the same renders and title.
   *
   * @throws {BundleSizeError} for no documents or more than BUNDLE_MAX_DOCUMENTS.
   * @throws what {@link Renderer.render} throws, for the first document that cannot print.
   * @example
   * const bundle = await renderer.bundle([letterId, enclosureId]);
   * console.log(bundle.pages, bundle.template); // 5 'bundle'
   */
  bundle(documentIds: readonly string[], options: { title?: string | null } = {}): Promise<RenderResult> {
    const { documents, renders } = this.#options;
    return renderBundle({ documents, renders, render: (id) => this.render(id) }, documentIds, options);
  }

  /**
   * Prints a document that need not be stored with a template that need not be loaded (a draft being edited), and
   * keeps nothing: the studio's live preview. The same stages as {@link render} but `load`, `cache` and `store`.
   *
   * @throws {TemplateQueryError}, {TemplateFillError} (from the engine), {FontNotStoredError} and the printer's
   * errors, as {@link render} does.
   * @example
   * const { pdf, pages } = await renderer.preview(document, draftTemplate);
   */
  async preview(document: Document, template: LoadedTemplate): Promise<PreviewResult> {
    const { printer, runQuery } = this.#options;
    const clock = new StageClock();
    const data = await clock.time('query', () => runTemplateQuery(runQuery, template, document));
    const filled = await clock.time('fill', () => fillTemplate(this.#filler, template, data, document, this.#faces));
    const dir = await mkdtemp(join(tmpdir(), 'saraban-preview-'));
    try {
      const file = join(dir, 'preview.pdf');
      const { warnings } = await clock.time('print', () => printPage(printer, filled.page, file));
      const { pages } = await clock.time('finish', () => finishPrinted(template, filled, document, file));
      return {
        pdf: new Uint8Array(await readFile(file)),
        pages,
        warnings: [...pageWarnings(document.data, filled.page.html, filled.glyphs), ...warnings],
        stageTimings: clock.timings,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
