import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Why a template folder may hold no symbolic link: a link reads whatever file it points to (a key, another office's
 * documents) into the template's page, and so into its PDFs.
 */
export const SYMBOLIC_LINK_REASON =
  'is a symbolic link; template folders hold files only (a link would print whatever file it points to): copy the file in instead';

/**
 * The symbolic links in `dir` and every folder under it (links are not followed), as paths under `dir`; empty when
 * `dir` holds none or does not exist.
 *
 * @example
 * await symbolicLinksUnder('templates/memo') // ['images/seal.png']
 */
export async function symbolicLinksUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const links = entries
    .filter((entry) => entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
  // `dir` itself (a template folder that is a link) is one too.
  const self = await lstat(dir).catch(() => undefined);
  return self?.isSymbolicLink() ? ['.', ...links] : links.sort();
}
