import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SarabanContext } from '@saraban/graphql';
import { CREATE_DOCUMENT, readJson } from './commands/render.js';
import { runGraphql } from './run-graphql.js';
import { UserError } from './user-error.js';

/** A sample document stored from a template's examples. */
export interface SampleDocument {
  id: string;
  file: string;
}

/**
 * Stores every loaded template's examples/*.json as documents, through the same mutation integrators use; an
 * example that is refused is reported and skipped.
 *
 * @example
 * const samples = await storeSampleDocuments(context);
 */
export async function storeSampleDocuments(context: SarabanContext): Promise<SampleDocument[]> {
  const samples: SampleDocument[] = [];
  for (const template of context.templates.list()) {
    const examplesDir = join(template.dir, 'examples');
    const files = (await readdir(examplesDir).catch(() => [])).filter((f) => f.endsWith('.json')).sort();
    for (const name of files) {
      const file = join(examplesDir, name);
      try {
        const input = { ...(await readJson(file)), template: template.name };
        const created = await runGraphql<{ createDocument: { id: string } }>(context, file, CREATE_DOCUMENT, {
          input,
        });
        samples.push({ id: created.createDocument.id, file });
      } catch (error) {
        // One broken example must not keep the server from starting with the others.
        if (!(error instanceof UserError)) throw error;
        console.error(`sample skipped: ${error.message}`);
      }
    }
  }
  return samples;
}
