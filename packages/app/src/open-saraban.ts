import { loadTemplates, type TemplateRegistry } from '@saraban/engine';
import { type SarabanContext, schema, templateQueryRunner } from '@saraban/graphql';
import { launchPrinter, type Printer } from '@saraban/print';
import { Renderer } from '@saraban/render';
import { openStore, type Store, storeOptionsFrom } from '@saraban/store';
import { BatchRunner } from './batch-runner.js';

/** Where Saraban keeps its data and finds its templates, and how it prints. */
export interface OpenOptions {
  /** The SQLite file, created with its folder when missing (':memory:' for a throwaway one), or a postgres:// URL. */
  databaseFile: string;
  /** The folder of template packages. */
  templatesDir: string;
  /** Warm Chromium pages printing at once. Default 2. */
  poolSize?: number;
  /** The time limit of one print, in milliseconds. Default: the printer's (30 000). */
  printTimeoutMs?: number;
}

/**
 * A running Saraban: its parts, the context GraphQL resolvers get, and how to stop it. Every process opens one:
 * `saraban serve`, the CLI commands, a worker.
 */
export interface SarabanApp {
  /** What GraphQL resolvers reach: repositories, templates, the renderer, batch jobs. */
  readonly context: SarabanContext;
  readonly store: Store;
  readonly printer: Printer;
  readonly templates: TemplateRegistry;
  readonly renderer: Renderer;
  readonly batches: BatchRunner;
  /** Lets running batch documents finish, then stops Chromium and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (applying migrations), loads and checks the templates, starts Chromium, puts the renderer and
 * the GraphQL context together, and resumes the batch jobs a previous run left unfinished.
 *
 * @example
 * const saraban = await openSaraban({ databaseFile: '.saraban/saraban.db', templatesDir: 'templates' });
 * try {
 *   const render = await saraban.renderer.render(documentId);
 * } finally {
 *   await saraban.close();
 * }
 */
export async function openSaraban(options: OpenOptions): Promise<SarabanApp> {
  // Chromium takes longest to start: launch it while the database opens and the templates load.
  const launching = launchPrinter({ poolSize: options.poolSize ?? 2, timeoutMs: options.printTimeoutMs });
  const opening = openStore(storeOptionsFrom(options.databaseFile));
  const loading = loadTemplates({ dir: options.templatesDir, schema });
  const [printed, opened, loaded] = await Promise.allSettled([launching, opening, loading]);
  if (printed.status === 'rejected' || opened.status === 'rejected' || loaded.status === 'rejected') {
    // Close what did start, then report the first failure.
    if (printed.status === 'fulfilled') await printed.value.close();
    if (opened.status === 'fulfilled') await opened.value.close();
    const failed = [printed, opened, loaded].find((result) => result.status === 'rejected');
    throw (failed as PromiseRejectedResult).reason;
  }
  const printer = printed.value;
  const store = opened.value;
  const templates = loaded.value;
  const renderer = new Renderer({
    documents: store.documents,
    renders: store.renders,
    fonts: store.fonts,
    templates,
    printer,
    // The context is made just below; a template's query runs only once it is.
    runQuery: templateQueryRunner(() => context),
  });
  const batches = new BatchRunner({
    batchJobs: store.batchJobs,
    documents: store.documents,
    renders: store.renders,
    renderer,
  });
  const context: SarabanContext = {
    documents: store.documents,
    organizations: store.organizations,
    people: store.people,
    fonts: store.fonts,
    renders: store.renders,
    templates,
    renderer,
    batches,
    rendersUrl: '/renders',
    batchesUrl: '/batches',
  };
  // Jobs a previous run left unfinished go on now, so a restart reports and finishes them truthfully.
  await batches.resume();
  return {
    context,
    store,
    printer,
    templates,
    renderer,
    batches,
    close: async () => {
      await batches.stop();
      await printer.close();
      await store.close();
    },
  };
}
