import { loadTemplates, startFillThreads, type TemplateError, type TemplateRegistry } from '@saraban/engine';
import {
  type BatchJobs,
  OPERATOR,
  type SarabanContext,
  type SessionControl,
  schema,
  templateQueryRunner,
} from '@saraban/graphql';
import { launchPrinter, type Printer } from '@saraban/print';
import { RenderQueue } from '@saraban/queue';
import { Renderer } from '@saraban/render';
import { DEFAULT_ARCHIVE_LIFETIME_MS, openStore, type Store, storeOptionsFrom } from '@saraban/store';
import { BatchRunner } from './batch-runner.js';
import { QueuedBatches } from './queued-batches.js';
import { QueuedRenderer } from './queued-renderer.js';
import { renderJobHandlers } from './render-job-handlers.js';
import { TemplateLibrary } from './template-library.js';

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
  /** The time limit for Chromium to start, in milliseconds. Default: the printer's (30 000). */
  launchTimeoutMs?: number;
  /**
   * The time limit of filling one template in (on a thread of its own, so the server answers meanwhile), in
   * milliseconds. Default 10 000: a 300-page report fills in well under a second.
   */
  fillTimeoutMs?: number;
  /**
   * Megabytes of heap each fill thread may use: a template that needs more (long text repeated inside loops) fails
   * with its own error instead of growing the process. Default 512: a page at the document limits needs under 128.
   */
  fillMemoryMb?: number;
  /**
   * The address clients reach the server at, e.g. "https://saraban.example.go.th" (behind a proxy, with a path if
   * it has one): download URLs (Render.url, BatchJob.url) are then absolute under it. Default: paths on the server
   * itself ("/renders/<id>.pdf").
   */
  publicUrl?: string;
  /**
   * On PostgreSQL: how long a queued job may run before it counts as abandoned by its worker and is given to another.
   * Default 120 s.
   */
  jobExpirySeconds?: number;
  /** How long a batch job's zip is kept once written, in milliseconds; then it is removed. Default 24 hours. */
  zipLifetimeMs?: number;
}

/**
 * What every process that serves the API has: the context GraphQL resolvers get, its parts, and how to stop it.
 * {@link openApi} opens one that prints nothing.
 */
export interface SarabanApi {
  /** What GraphQL resolvers reach: repositories, templates, the renderer, batch jobs. */
  readonly context: SarabanContext;
  readonly store: Store;
  readonly templates: TemplateRegistry;
  /** Stops taking work, lets what runs finish, and closes what was opened. */
  close(): Promise<void>;
}

/**
 * A running Saraban that prints: its parts, and how to stop it. Every printing process opens one: `saraban serve`,
 * the CLI commands, `saraban worker`.
 */
export interface SarabanApp extends SarabanApi {
  readonly printer: Printer;
  readonly renderer: Renderer;
  /** Batch jobs: run in this process on SQLite; queued for the workers on PostgreSQL. */
  readonly batches: BatchJobs;
  /** The render queue on PostgreSQL; undefined on SQLite. */
  readonly queue: RenderQueue | undefined;
  /**
   * Takes queued jobs (renders, batch documents, zips) as a worker, a print slot per Chromium page, until
   * {@link SarabanApi.close}.
   *
   * @throws {Error} on SQLite, which has no queue.
   */
  work(): Promise<void>;
}

/**
 * Opens the database (applying migrations), loads and checks the templates, starts Chromium, and puts the renderer
 * and the GraphQL context together. On SQLite, batch jobs run in this process, and those a previous run left
 * unfinished resume; on PostgreSQL they are queued, and {@link SarabanApp.work} takes queued jobs.
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
  const launching = launchPrinter({
    poolSize: options.poolSize ?? 2,
    timeoutMs: options.printTimeoutMs,
    launchTimeoutMs: options.launchTimeoutMs,
  });
  // Templates fill in on threads of their own, with a time limit: they load the templates while Chromium starts.
  const filler = startFillThreads({
    dir: options.templatesDir,
    schema,
    timeoutMs: options.fillTimeoutMs ?? DEFAULT_FILL_TIMEOUT_MS,
    memoryMb: options.fillMemoryMb ?? DEFAULT_FILL_MEMORY_MB,
  });
  const [printed, opened] = await Promise.allSettled([launching, openData(options)]);
  if (printed.status === 'rejected' || opened.status === 'rejected') {
    // Close what did start, then report the first failure.
    await filler.close();
    if (printed.status === 'fulfilled') await printed.value.close();
    if (opened.status === 'fulfilled') await opened.value.close();
    throw (printed.status === 'rejected' ? printed : (opened as PromiseRejectedResult)).reason;
  }
  const printer = printed.value;
  const { store, templates, library, queue } = opened.value;
  const renderer = new Renderer({
    documents: store.documents,
    renders: store.renders,
    printClaims: store.printClaims,
    fonts: store.fonts,
    templates,
    printer,
    // The context is made just below; a template's query runs only once it is.
    runQuery: templateQueryRunner(() => context),
    filler,
  });
  const runner = queue ? undefined : new BatchRunner({ ...store, renderer });
  const batches = runner ?? new QueuedBatches(store.batchJobs, queue as RenderQueue);
  const context = apiContext(store, templates, library, renderer, batches, options.publicUrl);
  // Jobs a previous run left unfinished go on now, so a restart reports and finishes them truthfully.
  await runner?.resume();
  return {
    context,
    store,
    printer,
    templates,
    renderer,
    batches,
    queue,
    work: async () => {
      if (!queue) throw new Error('only a PostgreSQL database has a render queue to take jobs from');
      await queue.work(printer.poolSize, renderJobHandlers({ ...store, renderer, queue }));
    },
    close: async () => {
      // Running jobs finish first: a queued one is then not left to expire, an in-process batch resumes later.
      await (queue ? queue.close() : runner?.stop());
      await printer.close();
      await filler.close();
      await store.close();
    },
  };
}

/**
 * Opens the API of a PostgreSQL database without printing anything (`saraban serve --no-worker`): no Chromium;
 * renderDocument and renderBatch are queued, and workers print them.
 *
 * @throws {Error} when the database is a SQLite file: nothing else would print.
 * @example
 * const api = await openApi({ databaseFile: 'postgres://saraban@db.example/saraban', templatesDir: 'templates' });
 * await startServer(api.context, { port: 4000 });
 */
export async function openApi(options: OpenOptions): Promise<SarabanApi> {
  if (!('url' in storeOptionsFrom(options.databaseFile))) {
    throw new Error(
      'an API server without workers needs PostgreSQL (--db postgres://…), where workers take its renders; ' +
        'on a SQLite file, renders print in the server itself',
    );
  }
  const { store, templates, library, queue, close } = await openData(options);
  const api = queue as RenderQueue;
  // A render waits for its job's tries, each up to the expiry (a dead worker's job is taken again after it).
  const renderer = new QueuedRenderer(api, store, (RETRIES + 1) * expirySeconds(options) * 1000);
  const context = apiContext(
    store,
    templates,
    library,
    renderer,
    new QueuedBatches(store.batchJobs, api),
    options.publicUrl,
  );
  return { context, store, templates, close };
}

/** The default time limit of filling one template in, in milliseconds. */
const DEFAULT_FILL_TIMEOUT_MS = 10_000;

/** The default heap of one fill thread, in megabytes. */
const DEFAULT_FILL_MEMORY_MB = 512;

/** How often a process looks for template versions another process published. */
const TEMPLATE_WATCH_MS = 1000;

/** How many times a queued job is tried again after its worker died or it failed. */
const RETRIES = 3;

function expirySeconds(options: OpenOptions): number {
  return options.jobExpirySeconds ?? 120;
}

/** The database, the templates and, on PostgreSQL, the render queue, opened at once. */
async function openData(options: OpenOptions) {
  const storeOptions = storeOptionsFrom(options.databaseFile);
  const queueUrl = 'url' in storeOptions ? storeOptions.url : undefined;
  const [opened, loaded] = await Promise.allSettled([
    openStore({ ...storeOptions, archiveLifetimeMs: options.zipLifetimeMs }),
    loadTemplates({ dir: options.templatesDir, schema }),
  ]);
  if (opened.status === 'rejected' || loaded.status === 'rejected') {
    if (opened.status === 'fulfilled') await opened.value.close();
    throw (opened.status === 'rejected' ? opened : (loaded as PromiseRejectedResult)).reason;
  }
  const store = opened.value;
  // The queue's tables are made once the store's migrations have run, so the two never race on a new database.
  let queue: RenderQueue | undefined;
  try {
    if (queueUrl !== undefined) {
      queue = await RenderQueue.open({ url: queueUrl, expireInSeconds: expirySeconds(options), retryLimit: RETRIES });
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const templates = loaded.value;
  const library = new TemplateLibrary(store.templates, templates);
  try {
    // The registry's problems are what every command reports at start: a stored version that fails joins them.
    (templates.problems as TemplateError[]).push(...(await library.load()));
  } catch (error) {
    await queue?.close();
    await store.close();
    throw error;
  }
  // Versions published by another process sharing the database are printed with here too, without a restart.
  const stopWatching = library.watch(TEMPLATE_WATCH_MS);
  const sweeping = sweepExpiredZips(store, options.zipLifetimeMs ?? DEFAULT_ARCHIVE_LIFETIME_MS);
  return {
    store,
    templates,
    library,
    queue,
    close: async () => {
      stopWatching();
      await sweeping.stop();
      await queue?.close();
      await store.close();
    },
  };
}

/** How often expired zips are looked for, at most: a zip outlives its lifetime by this at most. */
const ZIP_SWEEP_MS = 60_000;

/** Removes expired zips now (those that expired while no process ran) and then every minute, until stopped. */
function sweepExpiredZips(store: Store, lifetimeMs: number): { stop(): Promise<void> } {
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    // One sweep at a time; a failure (the database briefly away) is tried again at the next.
    sweeping = sweeping.then(() => store.batchJobs.removeExpiredArchives()).catch(() => {});
  };
  sweep();
  const timer = setInterval(sweep, Math.max(1000, Math.min(lifetimeMs, ZIP_SWEEP_MS)));
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await sweeping;
    },
  };
}

/** The application's own operations run as the OPERATOR; signing in is the server's, per request. */
const NO_SESSION: SessionControl = {
  signIn: () => Promise.reject(new Error('signing in is done over HTTP, on `saraban serve`')),
  signOut: () => Promise.resolve(),
};

/**
 * The GraphQL context over the store and the templates, printing with `renderer`; downloads under `publicUrl`. As the
 * OPERATOR: the server gives each request its own viewer and session.
 */
function apiContext(
  store: Store,
  templates: TemplateRegistry,
  library: TemplateLibrary,
  renderer: SarabanContext['renderer'],
  batches: BatchJobs,
  publicUrl = '',
): SarabanContext {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    documents: store.documents,
    organizations: store.organizations,
    people: store.people,
    fonts: store.fonts,
    renders: store.renders,
    templates,
    templateVersions: library,
    renderer,
    batches,
    users: store.users,
    apiTokens: store.apiTokens,
    viewer: OPERATOR,
    session: NO_SESSION,
    rendersUrl: `${base}/renders`,
    batchesUrl: `${base}/batches`,
  };
}
