import type { GraphQLSchema } from 'graphql';
import { FONT_FACES, type FontFace } from './fonts.js';

/** template.json: what a template package is called and prints. */
export interface TemplateManifest {
  /** The name documents choose it by; the same as its directory's name. */
  readonly name: string;
  /** A human title, e.g. "บันทึกข้อความ". */
  readonly title: string;
  /** The DocumentKind it prints, e.g. "MEMO". */
  readonly kind: string;
  readonly paper: 'A4' | 'A5';
  /** The typeface it prints in; "sarabun" when template.json does not say. */
  readonly font: FontFace;
  /**
   * Whether every page but the last ends with the continuation line ("/๒. กองการเจ้าหน้าที่..."). When template.json
   * does not say: on for letters, memos, announcements and orders, off for reports.
   */
  readonly continuation: boolean;
  /**
   * Whether the document's last top-level `<aside>` (a letter's contact block and สำเนาส่ง, the letter-foot partial)
   * is moved down to the bottom of the page it prints on. When template.json does not say: on for external and
   * internal letters, off for the rest.
   */
  readonly footAtBottom: boolean;
}

/** A template.json problem, 1-based. */
export interface ManifestProblem {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/**
 * Reads template.json. The name must be the directory's, the kind one of the schema's DocumentKind values, the
 * paper A4 or A5, the font (optional) one of {@link FONT_FACES}, continuation and footAtBottom (optional) booleans.
 *
 * @example
 * ```ts
 * parseTemplateManifest('{"name":"memo","title":"บันทึกข้อความ","kind":"MEMO","paper":"A4"}', 'memo', schema)
 * // { manifest: { name: 'memo', title: 'บันทึกข้อความ', kind: 'MEMO', paper: 'A4', font: 'sarabun', continuation: true,
 * //   footAtBottom: false } }
 * ```
 */
export function parseTemplateManifest(
  text: string,
  directoryName: string,
  schema: GraphQLSchema,
): { manifest: TemplateManifest } | { problem: ManifestProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    return { problem: { ...locationOf(text, Number(position ?? 0)), reason: (error as Error).message } };
  }
  const fail = (key: string, reason: string) => ({ problem: { ...locationOfKey(text, key), reason } });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: { line: 1, column: 1, reason: 'template.json holds an object' } };
  }
  const { name, title, kind, paper, font = 'sarabun', continuation, footAtBottom } = value as Record<string, unknown>;
  if (name !== directoryName) {
    return fail('name', `"name" must be the directory's name, "${directoryName}"`);
  }
  if (typeof title !== 'string' || title.trim() === '') return fail('title', '"title" must be a non-empty string');
  const kinds = documentKinds(schema);
  if (typeof kind !== 'string' || !kinds.includes(kind)) {
    return fail('kind', `"kind" must be one of ${kinds.join(', ')}`);
  }
  if (paper !== 'A4' && paper !== 'A5') return fail('paper', '"paper" must be "A4" or "A5"');
  if (!FONT_FACES.includes(font as FontFace)) {
    return fail('font', `"font" must be one of ${FONT_FACES.map((face) => `"${face}"`).join(', ')}`);
  }
  if (continuation !== undefined && typeof continuation !== 'boolean') {
    return fail('continuation', '"continuation" must be true or false');
  }
  if (footAtBottom !== undefined && typeof footAtBottom !== 'boolean') {
    return fail('footAtBottom', '"footAtBottom" must be true or false');
  }
  return {
    manifest: {
      name,
      title,
      kind,
      paper,
      font: font as FontFace,
      continuation: continuation ?? kind !== 'REPORT',
      footAtBottom: footAtBottom ?? LETTER_KINDS.has(kind),
    },
  };
}

/** The kinds whose foot goes to the bottom of the last page when template.json does not say. */
const LETTER_KINDS: ReadonlySet<string> = new Set(['EXTERNAL_LETTER', 'INTERNAL_LETTER']);

function documentKinds(schema: GraphQLSchema): string[] {
  const type = schema.getType('DocumentKind');
  return type && 'getValues' in type ? type.getValues().map((value) => value.name) : [];
}

/** Where "key" is written, or the start of the file when it is missing. */
function locationOfKey(text: string, key: string): { line: number; column: number } {
  const index = text.indexOf(`"${key}"`);
  return locationOf(text, Math.max(index, 0));
}

function locationOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
