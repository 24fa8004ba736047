import { parentPort, workerData } from 'node:worker_threads';
import { type FontCheckLimits, readFontFile } from './font-file-check.js';
import { FontFileError } from './font-file-error.js';

// The thread one uploaded font file is read on (font-check-thread.ts starts it, one per file, with a memory cap):
// a hostile file costs this thread, never the server's event loop or heap.

/** What the thread is given. */
export interface FontCheckRequest {
  readonly data: Uint8Array;
  readonly limits: FontCheckLimits;
}

/** What it answers: the media type, or why the file was refused (a class does not cross threads). */
export type FontCheckReply =
  | { readonly mediaType: string }
  | { readonly refused: string; readonly tableBytes?: number };

const { data, limits } = workerData as FontCheckRequest;
let reply: FontCheckReply;
try {
  reply = { mediaType: readFontFile(data, limits) };
} catch (error) {
  if (error instanceof FontFileError) reply = { refused: error.message, tableBytes: error.tableBytes };
  else reply = { refused: `cannot be read as a font: ${(error as Error).message}` };
}
parentPort?.postMessage(reply);
