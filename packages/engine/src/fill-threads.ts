import { createHash } from 'node:crypto';
import { type GraphQLSchema, printSchema } from 'graphql';
import { Piscina } from 'piscina';
import type { FillReply, FillTask, FillThreadData } from './fill-worker.js';
import type { FilledHtml, FillOptions, LoadedTemplate } from './load-templates.js';
import { TemplateFillError } from './template-fill-error.js';
import { TemplateFillMemoryError } from './template-fill-memory-error.js';
import { TemplateFillTimeoutError } from './template-fill-timeout-error.js';

// The threads' script: beside this file once built (dist/, or the CLI's bundle/, which bundles it under the same
// name); from the source (src/*.ts, as the package's own tests run it), the built one.
const workerScript = new URL(
  import.meta.url.endsWith('.ts') ? '../dist/fill-worker.js' : './fill-worker.js',
  import.meta.url,
);

/** Fills templates in: {@link LoadedTemplate.fill}, here or elsewhere. The Renderer takes one. */
export interface TemplateFiller {
  /**
   * @throws {TemplateFillError} as {@link LoadedTemplate.fill} does; {TemplateFillTimeoutError} past the time
   * limit; {TemplateFillMemoryError} past the memory limit.
   */
  fill(template: LoadedTemplate, data: unknown, options: FillOptions): Promise<FilledHtml>;
}

/** Options of {@link startFillThreads}. */
export interface FillThreadsOptions {
  /** The templates directory the calling thread loaded, with its shared files. */
  readonly dir: string;
  readonly sharedDir?: string;
  /** The schema the templates were loaded with. */
  readonly schema: GraphQLSchema;
  /** Milliseconds a fill may take once a thread starts it; past it the fill is stopped and its thread ended. */
  readonly timeoutMs: number;
  /**
   * Megabytes of heap a thread may use (V8's old generation, where a page's long strings live): a fill that needs
   * more fails, and its thread is ended and replaced, so a template cannot grow the process until the system ends
   * it; a page too long to fill within it is refused before it is copied (LoadedTemplate.fill's `memoryMb`).
   */
  readonly memoryMb: number;
  /** Threads filling at once; default 2, so one long fill does not hold every other back. */
  readonly threads?: number;
}

/** Templates filled in on threads of their own: {@link startFillThreads}. */
export interface FillThreads extends TemplateFiller {
  /** Ends the threads; fills still running fail. */
  close(): Promise<void>;
}

/**
 * A thread beyond the first that has been idle this long ends: one stays, warm, with the templates compiled, so a
 * memo's fill costs a round trip of data in and HTML out.
 */
const IDLE_THREAD_MS = 30_000;

/**
 * Starts threads that fill templates in, with a time limit: a template that takes too long (three nested loops over
 * long lists) is stopped, its thread ended and replaced, and the calling thread's event loop never waits on it. The
 * threads load the same templates directory; a template is sent to a thread once, the first time it fills it (a
 * stored version by its name and version, a draft by its files' hash), then named only.
 *
 * @example
 * ```ts
 * const filler = startFillThreads({ dir: 'templates', schema, timeoutMs: 10_000, memoryMb: 512 });
 * const { html, title } = await filler.fill(memo, data, { digitStyle: 'THAI' });
 * await filler.close();
 * ```
 */
export function startFillThreads(options: FillThreadsOptions): FillThreads {
  const workerData: FillThreadData = {
    dir: options.dir,
    sharedDir: options.sharedDir,
    schema: printSchema(options.schema),
  };
  const pool = new Piscina({
    filename: workerScript.href,
    workerData,
    minThreads: 1,
    maxThreads: options.threads ?? 2,
    idleTimeout: IDLE_THREAD_MS,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
  });
  const keys = new WeakMap<LoadedTemplate, string>();
  const keyOf = (template: LoadedTemplate) => {
    let key = keys.get(template);
    if (key === undefined) {
      // A stored version never changes; a template without one (a draft, a folder's) is known by its files.
      key =
        template.version !== null
          ? `${template.name}@${template.version}`
          : `${template.name}#${createHash('sha256').update(JSON.stringify(template.files)).digest('hex')}`;
      keys.set(template, key);
    }
    return key;
  };
  const run = async (task: Omit<FillTask, 'startedAt'>): Promise<FillReply> => {
    // The limit counts from when a thread starts the fill (it writes the time here, fill-worker.ts), not while it
    // waits for a thread: one that is starting (after one was stopped), or busy with another long fill. Shared
    // memory rather than a message, so a fill costs no more than its data in and its HTML out.
    const startedAt = new BigInt64Array(new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT));
    const controller = new AbortController();
    let timer: NodeJS.Timeout;
    const timeUp = () => {
      const started = Number(Atomics.load(startedAt, 0));
      const left = started === 0 ? options.timeoutMs : started + options.timeoutMs - Date.now();
      if (left <= 0) controller.abort();
      else timer = setTimeout(timeUp, left);
    };
    timer = setTimeout(timeUp, options.timeoutMs);
    try {
      return await pool.run({ ...task, startedAt } satisfies FillTask, { signal: controller.signal });
    } catch (error) {
      // piscina ends the thread of a running task that is aborted, and starts another.
      if (controller.signal.aborted) throw new TemplateFillTimeoutError(task.name, options.timeoutMs);
      // Node ends a thread that reaches its heap limit; piscina fails its task with that error, and starts another.
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new TemplateFillMemoryError(task.name, options.memoryMb);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    async fill(template, data, fillOptions) {
      const task = {
        key: keyOf(template),
        name: template.name,
        version: template.version,
        data,
        digitStyle: fillOptions.digitStyle,
        faceCss: fillOptions.fonts?.css,
      };
      let reply = await run(task);
      if ('missing' in reply) reply = await run({ ...task, files: template.files });
      if ('missing' in reply) throw new Error(`the fill thread did not keep template "${template.name}"`);
      if ('tooLong' in reply) throw new TemplateFillMemoryError(template.name, options.memoryMb, reply.tooLong);
      if ('failed' in reply) {
        const { template: name, file, line, column, reason } = reply.failed;
        throw new TemplateFillError(name, file, line, column, reason);
      }
      return reply;
    },
    close: () => pool.destroy(),
  };
}
