import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The folder of the built studio (index.html, studio.js, studio.css, pdf.js's worker), for a server to serve.
 * Found through the package, so it holds for the bundled `saraban` command too.
 *
 * @example
 * const index = await readFile(join(studioSiteDir(), 'index.html'));
 */
export function studioSiteDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@saraban/studio/package.json')), 'site');
}
