import { loadTemplates } from '@saraban/engine';
import { launchPrinter } from '@saraban/print';
import { openStore, storeOptionsFrom } from '@saraban/store';
import { BatchRunner } from './batch-runner.js';
import type { SarabanContext } from './context.js';
import { schema } from './schema.js';

/** Where Saraban keeps its data and finds its templates. */
export interface OpenOptions {
  /** The SQLite file, created with its folder when missing, or a postgres:// URL. */
  databaseFile: string;
  /** The folder of template packages. */
  templatesDir: string;
  /** Warm Chromium pages printing at once. Default 2. */
  poolSize?: number;
}

/** A running Saraban: the context resolvers use, and how to stop it. */
export interface OpenSaraban {
  context: SarabanContext;
  close(): Promise<void>;
}

/**
 * Opens the database (applying migrations), loads and checks the templates, starts Chromium, and resumes the
 * batch jobs a previous run left unfinished.
 *
 * @example
 * const saraban = await openSaraban({ databaseFile: '.saraban/saraban.db', templatesDir: 'templates' });
 * try { ... } finally { await saraban.close(); }
 */
export async function openSaraban(options: OpenOptions): Promise<OpenSaraban> {
  // Chromium takes longest to start: launch it while the database opens and the templates load.
  const launching = launchPrinter({ poolSize: options.poolSize ?? 2 });
  const opening = openStore(storeOptionsFrom(options.databaseFile));
  const loading = loadTemplates({ dir: options.templatesDir, schema });
  const [printer, store, templates] = await Promise.allSettled([launching, opening, loading]);
  if (printer.status === 'rejected' || store.status === 'rejected' || templates.status === 'rejected') {
    // Close what did start, then report the first failure.
    if (printer.status === 'fulfilled') await printer.value.close();
    if (store.status === 'fulfilled') await store.value.close();
    const failed = [printer, store, templates].find((result) => result.status === 'rejected');
    throw (failed as PromiseRejectedResult).reason;
  }
  const batches = new BatchRunner(schema);
  const context: SarabanContext = {
    store: store.value,
    templates: templates.value,
    printer: printer.value,
    batches,
    rendersUrl: '/renders',
    batchesUrl: '/batches',
  };
  // Jobs a previous run left unfinished go on now, so a restart reports and finishes them truthfully.
  await batches.resume(context);
  return {
    context,
    close: async () => {
      await batches.stop();
      await context.printer.close();
      await context.store.close();
    },
  };
}
