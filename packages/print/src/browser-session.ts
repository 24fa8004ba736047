import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { PrintAsset } from './assets.js';
import { CHROMIUM_ARGS } from './chromium-settings.js';
import { ChromiumLaunchError, PrintTimeoutError } from './errors.js';
import { PrintingPage } from './printing-page.js';

/** One Chromium process, its own user-data directory, and its warm tabs. */
export class BrowserSession {
  readonly #browser: Browser;
  readonly #userDataDir: string;
  readonly #idlePages: PrintingPage[] = [];

  private constructor(browser: Browser, userDataDir: string) {
    this.#browser = browser;
    this.#userDataDir = userDataDir;
  }

  /**
   * Starts Chromium with a fresh user-data directory and opens `warmPages` locked-down tabs, within `launchTimeoutMs`:
   * a Chromium that hangs at start is killed and reported, not waited for.
   *
   * @example
   * ```ts
   * const session = await BrowserSession.launch('/usr/bin/chromium', 2, 30_000);
   * ```
   */
  static async launch(executablePath: string, warmPages: number, launchTimeoutMs: number): Promise<BrowserSession> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'saraban-chromium-'));
    // Over a pipe, puppeteer's own launch timeout does not cover the first protocol calls, which wait up to its
    // protocol timeout (180 s); aborting kills the process, which ends every call waiting on it.
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, launchTimeoutMs);
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        executablePath,
        userDataDir,
        args: [...CHROMIUM_ARGS],
        // A pipe, not a debugging port any local process could connect to.
        pipe: true,
        // The application decides when to shut down; it calls Printer.close().
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: launchTimeoutMs,
        signal: abort.signal,
      });
      const started = browser;
      const session = new BrowserSession(started, userDataDir);
      session.#idlePages.push(
        ...(await Promise.all(
          Array.from({ length: warmPages }, async () => PrintingPage.open(await started.newPage())),
        )),
      );
      return session;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
      throw new ChromiumLaunchError(executablePath, {
        cause: error,
        launchTimeoutMs: timedOut ? launchTimeoutMs : undefined,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether Chromium is still there; false once its process died or was killed. */
  get connected(): boolean {
    return this.#browser.connected;
  }

  /** The operating-system process id of Chromium. */
  get pid(): number | undefined {
    return this.#browser.process()?.pid;
  }

  /**
   * Prints into the file `path` on an idle tab (opening one if none is idle). A tab that timed out or failed is closed, not reused.
   *
   * @example
   * ```ts
   * const { bytes, warnings } = await session.print(html, assets, 30_000, '/tmp/out.pdf');
   * ```
   */
  async print(
    html: string,
    assets: ReadonlyMap<string, PrintAsset>,
    timeoutMs: number,
    path: string,
  ): Promise<{ bytes: number; warnings: string[] }> {
    const page = this.#idlePages.pop() ?? (await PrintingPage.open(await this.#browser.newPage()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintTimeoutError(timeoutMs)), timeoutMs);
    });
    const printing = page.print(html, assets, timeoutMs, path);
    try {
      const result = await Promise.race([printing, timedOut]);
      this.#idlePages.push(page);
      return result;
    } catch (error) {
      // The abandoned print may still fail later; its tab is closed below, so that failure means nothing.
      printing.catch(() => {});
      void page.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Closes Chromium (killing it if it does not answer) and removes its user-data directory.
   *
   * @example
   * ```ts
   * await session.close();
   * ```
   */
  async close(): Promise<void> {
    const process = this.#browser.process();
    await this.#browser.close().catch(() => {
      // Already gone or not answering: make sure the process is.
      process?.kill('SIGKILL');
    });
    if (process && process.exitCode === null && process.signalCode === null) {
      await new Promise((resolve) => process.once('exit', resolve));
    }
    await rm(this.#userDataDir, { recursive: true, force: true });
  }
}
