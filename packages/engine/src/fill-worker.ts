import { resourceLimits, workerData } from 'node:worker_threads';
import type { DigitStyle } from '@saraban/thai';
import { buildSchema } from 'graphql';
import { FiguresNotLoadedError, loadFigures } from './helpers.js';
import { type FilledHtml, type LoadedTemplate, loadTemplates, type TemplateFiles } from './load-templates.js';
import { TemplateFillError } from './template-fill-error.js';
import { TemplateFillMemoryError } from './template-fill-memory-error.js';

// The thread templates are filled in on (fill-threads.ts starts it in a piscina pool): a fill that runs too long
// costs this thread, which is ended, never the server's event loop.

/** What a thread is started with: where the templates are, and the schema their queries and kinds check against. */
export interface FillThreadData {
  readonly dir: string;
  readonly sharedDir?: string;
  /** The schema as SDL (a schema object does not cross threads). */
  readonly schema: string;
}

/** One fill: the template by key, its files only when the thread answered that it lacks it. */
export interface FillTask {
  /** Where the thread writes when it starts filling in (Date.now()): the time limit counts from then. */
  readonly startedAt: BigInt64Array;
  /** Names one compiled template: its name and stored version, or its name and the hash of its files. */
  readonly key: string;
  readonly name: string;
  readonly version: number | null;
  readonly files?: TemplateFiles;
  /** The query's result data. */
  readonly data: unknown;
  readonly digitStyle: DigitStyle;
  /** The @font-face rules of the face it prints in, when not the template's own. */
  readonly faceCss?: string;
}

/**
 * The page, or that the thread lacks the template, or that its page was too long for the memory limit, or where the
 * template failed (a class does not cross threads).
 */
export type FillReply =
  | FilledHtml
  | { readonly missing: true }
  | { readonly tooLong: number }
  | {
      readonly failed: {
        readonly template: string;
        readonly file: string;
        readonly line: number;
        readonly column: number;
        readonly reason: string;
      };
    };

/**
 * Templates compiled on this thread, by key, least recently used first; drafts previewed on each edit come and go, so
 * it is bounded.
 */
const COMPILED_LIMIT = 64;

async function start(): Promise<(task: FillTask) => Promise<FillReply>> {
  const { dir, sharedDir, schema } = workerData as FillThreadData;
  // The heap limit the thread was started with (fill-threads.ts): each page's length is checked against it.
  const memoryMb = resourceLimits.maxOldGenerationSizeMb;
  // Charts and QR codes (ECharts) load for the first page that draws one: a thread filling memos does without them.
  const registry = await loadTemplates({
    dir,
    sharedDir,
    schema: buildSchema(schema),
    compileFolders: false,
    loadFigures: false,
  });
  const compiled = new Map<string, LoadedTemplate>();
  return async (task) => {
    let template = compiled.get(task.key);
    if (template) {
      // Last used goes last: the first is the one evicted, so a run of drafts does not evict the memo in daily use.
      compiled.delete(task.key);
      compiled.set(task.key, template);
    } else {
      if (!task.files) return { missing: true };
      const compilation = await registry.compile(task.name, task.files, { version: task.version ?? undefined });
      // The calling thread compiled the same files with the same shared files: this is a bug, not the template's.
      if (!compilation.template) throw new Error(compilation.problems.map((problem) => problem.message).join('; '));
      template = compilation.template;
      if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value as string);
      compiled.set(task.key, template);
    }
    const data = withoutPrototypes(task.data);
    const fonts = task.faceCss === undefined ? undefined : { css: task.faceCss };
    const fill = (filled: LoadedTemplate) => {
      // The limit is the fill's: compiling a template the calling thread compiled already, or loading the
      // figures, does not count.
      Atomics.store(task.startedAt, 0, BigInt(Date.now()));
      return filled.fill(data, { digitStyle: task.digitStyle, fonts, memoryMb });
    };
    try {
      try {
        return fill(template);
      } catch (error) {
        if (!(error instanceof FiguresNotLoadedError)) throw error;
        Atomics.store(task.startedAt, 0, 0n);
        await loadFigures();
        return fill(template);
      }
    } catch (error) {
      if (error instanceof TemplateFillMemoryError) return { tooLong: error.characters as number };
      if (!(error instanceof TemplateFillError)) throw error;
      const { template: name, file, line, column, reason } = error;
      return { failed: { template: name, file, line, column, reason } };
    }
  };
}

/**
 * The query's result as the calling thread has it: graphql's result objects have no prototype, and a template reads
 * them the same way here (strict mode refuses `constructor` on them rather than reading Object's).
 */
function withoutPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypes);
  if (typeof value !== 'object' || value === null) return value;
  const object: Record<string, unknown> = Object.create(null);
  for (const [key, field] of Object.entries(value)) object[key] = withoutPrototypes(field);
  return object;
}

// piscina takes the default export, awaited, as the task handler: the templates load once, when the thread starts.
export default start();
