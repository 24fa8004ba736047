import { loadTemplates } from '@saraban/engine';
import { launchPrinter } from '@saraban/pdf';
import { openStore } from '@saraban/store';
import { BatchRunner } from './batch-runner.js';
import type { SarabanContext } from './context.js';
import { schema } from './schema.js';

/** Where Saraban keeps its data and finds its templates. */
export interface OpenOptions {
  /** The SQLite file; created with its folder when missing. */
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
  const store = await openStore({ filename: options.databaseFile });
  try {
    const templates = await loadTemplates({ dir: options.templatesDir, schema });
    const printer = await launchPrinter({ poolSize: options.poolSize ?? 2 });
    const batches = new BatchRunner(schema);
    const context: SarabanContext = {
      store,
      templates,
      printer,
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
        await printer.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
