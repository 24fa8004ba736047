import { randomUUID } from 'node:crypto';
import { renameSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { PrintAsset } from './assets.js';
import { BrowserSession } from './browser-session.js';
import { defaultChromiumPath } from './chromium-path.js';
import { BrowserCrashError, PrinterClosedError, PrintTimeoutError } from './errors.js';
import { Semaphore } from './semaphore.js';

/** One document to print. */
export interface PrintJob {
  /**
   * One whole HTML page. It may load the assets below by their absolute URL; nothing else loads. Its
   * `<html lang>` becomes the PDF's /Lang (on the catalog and the structure tree); `th` when it has none.
   */
  html: string;
  /** Files the page may load, by absolute URL (the engine puts them under an origin of its own that can never resolve). */
  assets?: ReadonlyMap<string, PrintAsset>;
  /** Time limit for this render in milliseconds, instead of {@link PrinterOptions.timeoutMs}. */
  timeoutMs?: number;
}

/**
 * A document printed into a file, as Chromium wrote it: its page count, metadata and word text are
 * `@saraban/finish`'s work.
 */
export interface PrintedFile {
  /** The size of the file. */
  bytes: number;
  /** What the document tried and failed to do, e.g. `blocked request: file:///etc/hostname`, one line per URL. */
  warnings: string[];
}

/** A printed document, in memory. */
export interface PrintResult extends Omit<PrintedFile, 'bytes'> {
  pdf: Uint8Array;
}

export interface PrinterOptions {
  /** The Chromium executable. Default: {@link defaultChromiumPath} (SARABAN_CHROMIUM, else Debian's headless shell or Chromium). */
  executablePath?: string;
  /** How many documents print at once, each on its own warm tab. Default 2. */
  poolSize?: number;
  /** Time limit for one render in milliseconds, waiting for a free tab not included. Default 30 000. */
  timeoutMs?: number;
  /**
   * Time limit for Chromium to start and open its tabs, in milliseconds (at launch, and when a crashed one is
   * replaced). Default 30 000.
   */
  launchTimeoutMs?: number;
}

/** Prints HTML to PDF on one Chromium with a pool of warm, locked-down tabs. */
export interface Printer {
  /**
   * Prints one document into the file `destination`, streamed from Chromium: a long report is never copied or kept in
   * memory. It is written beside the destination under a temporary name and renamed once complete: the destination
   * never holds a partial PDF, and nothing is left when printing fails. Waits for a free tab when all are busy. If
   * Chromium dies meanwhile, it is replaced and the render retried once.
   */
  printToFile(job: PrintJob, destination: string): Promise<PrintedFile>;
  /**
   * Prints one document as {@link printToFile} does and returns its bytes: for small documents whose whole PDF is
   * needed anyway (an overlay to stamp, a test reading it back).
   */
  print(job: PrintJob): Promise<PrintResult>;
  /** Stops Chromium and removes its user-data directory. Prints after this reject with {@link PrinterClosedError}. */
  close(): Promise<void>;
  /** The operating-system process id of the current Chromium (it changes when a crashed one is replaced). */
  browserPid(): number | undefined;
  readonly poolSize: number;
}

const defaultTimeoutMs = 30_000;
const defaultLaunchTimeoutMs = 30_000;

/**
 * Starts Chromium and opens `poolSize` warm tabs, ready to print.
 *
 * @example
 * ```ts
 * const printer = await launchPrinter({ poolSize: 2 });
 * try {
 *   const { bytes, warnings } = await printer.printToFile({
 *     html: '<html lang="th"><link rel="stylesheet" href="https://assets.example.invalid/page.css"><p>สวัสดี</p></html>',
 *     assets: new Map([['https://assets.example.invalid/page.css', { contentType: 'text/css', body: 'p { color: #000 }' }]]),
 *   }, 'memo.pdf');
 * } finally {
 *   await printer.close();
 * }
 * ```
 */
export async function launchPrinter(options: PrinterOptions = {}): Promise<Printer> {
  const executablePath = options.executablePath ?? defaultChromiumPath();
  const poolSize = options.poolSize ?? 2;
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new RangeError(`poolSize must be a positive integer, got ${poolSize}`);
  const timeoutMs = checkedTimeout(options.timeoutMs ?? defaultTimeoutMs);
  const launchTimeoutMs = checkedTimeout(options.launchTimeoutMs ?? defaultLaunchTimeoutMs);
  const session = await BrowserSession.launch(executablePath, poolSize, launchTimeoutMs);
  return new ChromiumPrinter({ executablePath, poolSize, timeoutMs, launchTimeoutMs }, session);
}

function checkedTimeout(timeoutMs: number): number {
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  return timeoutMs;
}

class ChromiumPrinter implements Printer {
  readonly #executablePath: string;
  readonly #timeoutMs: number;
  readonly #launchTimeoutMs: number;
  readonly #tabs: Semaphore;
  #session: Promise<BrowserSession>;
  /** The last session that started, for its process id. */
  #startedSession: BrowserSession;
  #closed = false;
  readonly poolSize: number;

  constructor(
    settings: { executablePath: string; poolSize: number; timeoutMs: number; launchTimeoutMs: number },
    session: BrowserSession,
  ) {
    this.#executablePath = settings.executablePath;
    this.poolSize = settings.poolSize;
    this.#timeoutMs = settings.timeoutMs;
    this.#launchTimeoutMs = settings.launchTimeoutMs;
    this.#tabs = new Semaphore(settings.poolSize);
    this.#session = Promise.resolve(session);
    this.#startedSession = session;
  }

  /** The running session, or a new one if Chromium died; concurrent callers share one replacement. */
  async #liveSession(): Promise<BrowserSession> {
    const current = this.#session;
    // A replacement that failed to start is tried again by the next caller.
    const session = await current.catch(() => undefined);
    if (session?.connected) return session;
    if (this.#session === current) {
      this.#session = BrowserSession.launch(this.#executablePath, this.poolSize, this.#launchTimeoutMs).then(
        (started) => {
          this.#startedSession = started;
          return started;
        },
      );
      // The old process is dead; closing it removes its user-data directory.
      if (session) void session.close();
    }
    return this.#session;
  }

  async printToFile(job: PrintJob, destination: string): Promise<PrintedFile> {
    if (this.#closed) throw new PrinterClosedError();
    const partial = join(dirname(destination), `.${basename(destination)}.${randomUUID()}.partial`);
    try {
      const printed = await this.#printOnATab(job, partial);
      // Synchronous, as every file call on the render's path but the sync: a rename takes 0.04 ms, a round trip
      // through the thread pool about as much again.
      renameSync(partial, destination);
      return printed;
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  /** Prints into `path` on a free tab, and frees the tab as soon as Chromium is done. */
  async #printOnATab(job: PrintJob, path: string): Promise<PrintedFile> {
    const releaseTab = await this.#tabs.acquire();
    try {
      return await this.#printWithRetry(job, path);
    } finally {
      releaseTab();
    }
  }

  async print(job: PrintJob): Promise<PrintResult> {
    const dir = await mkdtemp(join(tmpdir(), 'saraban-print-'));
    try {
      const file = join(dir, 'document.pdf');
      const { warnings } = await this.printToFile(job, file);
      return { pdf: new Uint8Array(await readFile(file)), warnings };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async #printWithRetry(job: PrintJob, path: string): Promise<PrintedFile> {
    const timeoutMs = checkedTimeout(job.timeoutMs ?? this.#timeoutMs);
    for (let attempt = 1; ; attempt++) {
      if (this.#closed) throw new PrinterClosedError();
      const session = await this.#liveSession();
      try {
        return await session.print(job.html, job.assets ?? new Map(), timeoutMs, path);
      } catch (error) {
        if (this.#closed) throw new PrinterClosedError();
        if (error instanceof PrintTimeoutError || session.connected) throw error;
        if (attempt > 1) throw new BrowserCrashError({ cause: error });
      }
    }
  }

  browserPid(): number | undefined {
    return this.#closed ? undefined : this.#startedSession.pid;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const session = await this.#session.catch(() => undefined);
    await session?.close();
  }
}
