import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FinishReply, FinishRequest } from './finish-worker.js';
import { type FinishedPdf, finishPdfFile, type PdfFinish } from './pdf-file.js';
import { UnexpectedPdfError } from './pdf-objects.js';

/**
 * Files up to this size are finished on the calling thread: a memo or a ten-page letter takes a few milliseconds,
 * less than a round trip to another thread's queue would risk behind a long report. Larger ones (a 100-page report
 * is over 1 MiB and takes a few hundred ms) go to the finishing thread, so the server keeps answering.
 */
const LARGEST_INLINE_BYTES = 256 * 1024;

// The finishing thread's script: beside this file once built (dist/, or the CLI's bundle/, which bundles it under
// the same name); from the source (src/*.ts, as the package's own tests run it), the built one.
const workerScript = new URL(
  import.meta.url.endsWith('.ts') ? '../dist/finish-worker.js' : './finish-worker.js',
  import.meta.url,
);

/**
 * A thread that finishes long documents has been idle this long, it ends: its heap holds what the last long document
 * left (some 30 MiB after a 350-page report, 9 MiB idle), and starting one again costs some 30 ms, little beside the
 * hundreds of ms a long document takes to finish. Documents that follow each other reuse it.
 */
const IDLE_THREAD_MS = 5_000;

/** One thread that finishes long documents in turn, started at the first and ended once idle for a while. */
class FinishingThread {
  #worker: Worker | undefined;
  #idle: NodeJS.Timeout | undefined;
  #nextId = 0;
  readonly #waiting = new Map<number, { resolve: (finished: FinishedPdf) => void; reject: (error: Error) => void }>();

  finish(path: string, finish: PdfFinish): Promise<FinishedPdf> {
    const worker = this.#started();
    clearTimeout(this.#idle);
    const id = this.#nextId++;
    const request: FinishRequest = { id, path, finish };
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      // A thread with work to do keeps the process alive; an idle one does not.
      if (this.#waiting.size === 1) worker.ref();
      worker.postMessage(request);
    });
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(workerScript);
    worker.unref();
    worker.on('message', (reply: FinishReply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (this.#waiting.size === 0) {
        worker.unref();
        this.#idle = setTimeout(() => this.#end(worker), IDLE_THREAD_MS).unref();
      }
      if (!waiting) return;
      if ('error' in reply) waiting.reject(errorFrom(reply.error));
      else waiting.resolve({ pages: reply.pages, bytes: reply.bytes });
    });
    // The thread itself failed (it could not load, or ran out of memory): every waiting finish fails with it, and
    // the next one starts a new thread.
    const fail = (error: Error) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      for (const { reject } of this.#waiting.values()) reject(error);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the PDF finishing thread exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  /** Ends an idle thread; the next long document starts another. */
  #end(worker: Worker): void {
    if (this.#worker !== worker || this.#waiting.size > 0) return;
    this.#worker = undefined;
    void worker.terminate();
  }
}

/** The error the finishing thread met, as the class the calling thread knows. */
function errorFrom({ name, message, code }: { name: string; message: string; code?: string }): Error {
  if (name === 'UnexpectedPdfError') return new UnexpectedPdfError(message);
  const error: NodeJS.ErrnoException = new Error(message);
  error.name = name;
  if (code !== undefined) error.code = code;
  return error;
}

const thread = new FinishingThread();

/**
 * Finishes a PDF file Chromium wrote, as {@link finishPdfFile} does, off the event loop when it is long: a file
 * over 256 KiB is finished on a thread of its own, so a 300-page report never stalls the server; a short one on the
 * calling thread, where it takes a few milliseconds.
 *
 * @example
 * ```ts
 * const { pages, bytes } = await finishPdf('report.pdf', { title: 'รายงาน', createdAt: new Date('2025-01-01') });
 * ```
 */
export async function finishPdf(path: string, finish: PdfFinish): Promise<FinishedPdf> {
  if (statSync(path).size <= LARGEST_INLINE_BYTES) return finishPdfFile(path, finish);
  return thread.finish(path, finish);
}
