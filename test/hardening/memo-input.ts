import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentJson } from '../support/document-text.js';
import { templatesDir } from '../support/saraban.js';

/**
 * The short memo example as a DocumentInput, with `changes` laid over it: the base every hardening test bends.
 *
 * @example
 * const input = memoInput({ subject: 'x'.repeat(2000) });
 */
export function memoInput(changes: DocumentJson = {}): DocumentJson {
  const example = JSON.parse(readFileSync(join(templatesDir, 'memo/examples/short-memo.json'), 'utf8'));
  return { ...example, ...changes };
}

export const CREATE_DOCUMENT = 'mutation ($input: DocumentInput!) { createDocument(input: $input) { id subject } }';
