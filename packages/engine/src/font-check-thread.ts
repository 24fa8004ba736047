import { Worker } from 'node:worker_threads';
import type { FontCheckReply, FontCheckRequest } from './font-check-worker.js';
import type { FontCheckLimits } from './font-file-check.js';
import { FontFileError } from './font-file-error.js';

// The thread's script: beside this file once built (dist/, or the CLI's bundle/, which bundles it under the same
// name); from the source (src/*.ts, as the package's own tests run it), the built one.
const workerScript = new URL(
  import.meta.url.endsWith('.ts') ? '../dist/font-check-worker.js' : './font-check-worker.js',
  import.meta.url,
);

/** The bounds of {@link checkFontFile}: those of reading the file, and of the thread it is read on. */
export interface FontCheckOptions extends FontCheckLimits {
  /** Megabytes of heap the reading thread may use; past it the file is refused. */
  maxMemoryMb: number;
  /** Milliseconds the reading may take; past it the file is refused. */
  timeoutMs: number;
}

/**
 * Checks a font file can print a Thai document, as {@link readFontFile} does, on a thread of its own with a heap of
 * `maxMemoryMb` and a time limit, and returns its media type. The thread ends with the check, so whatever a hostile
 * file made it allocate is given back.
 *
 * @throws {FontFileError} saying what is wrong (also when the file needs more memory or time than allowed).
 * @example
 * ```ts
 * const mediaType = await checkFontFile(new Uint8Array(await readFile('THSarabunIT๙.ttf')), {
 *   maxTableBytes: 32 * 1024 * 1024,
 *   maxMemoryMb: 256,
 *   timeoutMs: 10_000,
 * }); // 'font/ttf'
 * ```
 */
export function checkFontFile(data: Uint8Array, options: FontCheckOptions): Promise<string> {
  const request: FontCheckRequest = { data, limits: { maxTableBytes: options.maxTableBytes } };
  const worker = new Worker(workerScript, {
    workerData: request,
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb, maxYoungGenerationSizeMb: 16 },
  });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new FontFileError(`took longer than ${options.timeoutMs} ms to read; it is not a usable font`));
      void worker.terminate();
    }, options.timeoutMs);
    worker.once('message', (reply: FontCheckReply) => {
      clearTimeout(timer);
      if ('mediaType' in reply) resolve(reply.mediaType);
      else reject(new FontFileError(reply.refused, reply.tableBytes));
    });
    worker.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new FontFileError(`needs more than ${options.maxMemoryMb} MB of memory to read; it is not a usable font`)
          : error,
      );
    });
    // A thread that ends without an answer or an error (ended from outside, or by code calling process.exit) fails
    // the check at once, rather than at the time limit with a message about time. After an answer or an error the
    // promise is settled and this does nothing.
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new FontFileError(`could not be checked: the thread reading it ended (exit code ${code}) before it answered`),
      );
    });
  });
}
