import { parentPort } from 'node:worker_threads';
import { finishPdfFile, type PdfFinish } from './pdf-file.js';

// The thread long documents are finished on (finishing-thread.ts starts it): one request at a time, in order.

/** What the finishing thread is asked. */
export interface FinishRequest {
  readonly id: number;
  readonly path: string;
  readonly finish: PdfFinish;
}

/** What it answers: the finished file, or the error, by name and message (a class does not cross threads). */
export type FinishReply =
  | { readonly id: number; readonly pages: number; readonly bytes: number }
  | { readonly id: number; readonly error: { name: string; message: string; code?: string } };

parentPort?.on('message', ({ id, path, finish }: FinishRequest) => {
  let reply: FinishReply;
  try {
    reply = { id, ...finishPdfFile(path, finish) };
  } catch (error) {
    const { name, message, code } = error as NodeJS.ErrnoException;
    reply = { id, error: { name, message, code } };
  }
  parentPort?.postMessage(reply);
});
