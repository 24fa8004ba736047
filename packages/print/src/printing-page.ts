import { closeSync, open, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { ReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import type { CDPSession, HTTPRequest, Page, Protocol } from 'puppeteer-core';
import { type PrintAsset, sameAssetBody } from './assets.js';
import { PDF_OPTIONS, PRINT_TO_PDF_PARAMS } from './chromium-settings.js';
import { pdfFitsInReply } from './pdf-transfer.js';

interface PageJob {
  assets: ReadonlyMap<string, PrintAsset>;
  warnings: Set<string>;
}

// Chromium refuses file: URLs itself, before request interception sees them, and says so on the console.
const localResourceRefused = /^Not allowed to load local resource: (\S+)/;

const warmUpTimeoutMs = 30_000;

const openFile = promisify(open);

/**
 * One warm Chromium tab with JavaScript off, answering requests from the current job's assets and blocking all
 * others. Each document is written into the same tab (`document.write`, no navigation), which keeps the fonts the
 * previous document loaded: that halves the time of a one-page print. The tab is navigated to a fresh about:blank
 * first whenever that reuse could change the result: when something it loaded is not, byte for byte, among the new
 * job's assets, or when a request was blocked (Chromium remembers the failure and would not ask again, so the new
 * job would miss its warning).
 *
 * A document is loaded, and its fonts awaited, in one protocol call that runs in an isolated world of the tab's own
 * (see `loadingScript` below).
 */
export class PrintingPage {
  readonly #page: Page;
  /**
   * A protocol session of the tab's own, for what puppeteer's API does not offer: a PDF in the print's reply, and a
   * document loaded and its fonts awaited in one call.
   */
  readonly #protocol: CDPSession;
  /** The main frame, whose current document gets an isolated world of ours. */
  readonly #frameId: string;
  /** The execution context of our isolated world in the current document, where the loading call runs. */
  #world = 0;
  /** What the current document has loaded and may take from its memory again, by URL. */
  readonly #loaded = new Map<string, PrintAsset>();
  #blockedSinceFreshDocument = false;
  #job: PageJob | undefined;

  private constructor(page: Page, protocol: CDPSession, frameId: string) {
    this.#page = page;
    this.#protocol = protocol;
    this.#frameId = frameId;
  }

  /**
   * Locks a new tab down and prints an empty document on it once: the first print on a tab sets up Chromium's
   * printing (about half of a cold render), better paid here than in a user's render.
   *
   * @example
   * ```ts
   * const page = await PrintingPage.open(await browser.newPage());
   * ```
   */
  static async open(page: Page): Promise<PrintingPage> {
    const protocol = await page.createCDPSession();
    const { frameTree } = await protocol.send('Page.getFrameTree');
    const printingPage = new PrintingPage(page, protocol, frameTree.frame.id);
    await page.setJavaScriptEnabled(false);
    await printingPage.#openWorld();
    await page.setRequestInterception(true);
    page.on('request', (request) => printingPage.#answer(request));
    page.on('console', (message) => {
      const refusedUrl = localResourceRefused.exec(message.text())?.[1];
      if (refusedUrl) printingPage.#block(refusedUrl);
    });
    const warmUp = await printingPage.#printed('<!doctype html><title>warm-up</title>', new Map(), warmUpTimeoutMs);
    for await (const _chunk of warmUp.pdf);
    return printingPage;
  }

  #answer(request: HTTPRequest): void {
    const url = request.url();
    // A request can be answered after its tab died with the browser; there is nobody left to tell.
    const ignoreClosedTab = () => {};
    if (url.startsWith('data:')) {
      request.continue().catch(ignoreClosedTab);
      return;
    }
    const asset = this.#job?.assets.get(url);
    if (asset) {
      this.#loaded.set(url, asset);
      request
        .respond({
          status: 200,
          contentType: asset.contentType,
          // The document's origin is opaque (about:blank), so fonts need CORS permission.
          headers: { 'access-control-allow-origin': '*' },
          body: asset.body,
        })
        .catch(ignoreClosedTab);
      return;
    }
    this.#block(url);
    request.abort('blockedbyclient').catch(ignoreClosedTab);
  }

  #block(url: string): void {
    this.#blockedSinceFreshDocument = true;
    this.#job?.warnings.add(`blocked request: ${url}`);
  }

  #canReuseDocument(assets: ReadonlyMap<string, PrintAsset>): boolean {
    if (this.#blockedSinceFreshDocument) return false;
    for (const [url, loaded] of this.#loaded) {
      const asset = assets.get(url);
      if (!asset || asset.contentType !== loaded.contentType || !sameAssetBody(asset.body, loaded.body)) return false;
    }
    return true;
  }

  /**
   * Loads `html` (its assets answered from `assets`) and prints it into the file `path`: a small document's PDF as
   * it comes in Chromium's reply, a larger one streamed as Chromium hands it out, so no copy of it is made or kept
   * here. The file is created in the thread pool while Chromium prints: creating a file can be the slowest file call
   * of a render (0.4-1 ms in /tmp on the bench's machine, where opening one takes 0.01 ms). On failure the file is
   * removed.
   *
   * @example
   * ```ts
   * const { bytes, warnings } = await page.print('<p>สวัสดี</p>', new Map(), 30_000, '/tmp/out.pdf');
   * ```
   */
  async print(
    html: string,
    assets: ReadonlyMap<string, PrintAsset>,
    timeoutMs: number,
    path: string,
  ): Promise<{ bytes: number; warnings: string[] }> {
    // Readable by Saraban's user only: a PDF may be a secret document.
    const creating = openFile(path, 'w', 0o600);
    const [printed, file] = await Promise.allSettled([this.#printed(html, assets, timeoutMs), creating]);
    try {
      if (file.status === 'rejected') {
        if (printed.status === 'fulfilled') await printed.value.pdf.cancel().catch(() => {});
        throw file.reason;
      }
      if (printed.status === 'rejected') {
        closeSync(file.value);
        throw printed.reason;
      }
      const bytes = await writeStreamToFile(printed.value.pdf, file.value);
      return { bytes, warnings: printed.value.warnings };
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  /** Loads the document and starts printing it: the PDF comes as a stream, to be read to its end. */
  async #printed(
    html: string,
    assets: ReadonlyMap<string, PrintAsset>,
    timeoutMs: number,
  ): Promise<{ pdf: ReadableStream<Uint8Array>; warnings: string[] }> {
    if (!this.#canReuseDocument(assets)) await this.#freshDocument(timeoutMs);
    const job: PageJob = { assets, warnings: new Set() };
    this.#job = job;
    try {
      if (!(await this.#load(html, timeoutMs))) {
        // Our world went with the tab's document: the one before sent the tab elsewhere (<meta http-equiv="refresh">).
        await this.#freshDocument(timeoutMs);
        this.#job = job;
        if (!(await this.#load(html, timeoutMs))) throw new Error('loading the document failed: its tab left it twice');
      }
      // Printing has ended once the PDF or its stream comes: every request the document made was answered or blocked.
      const pdf = pdfFitsInReply(html, assets)
        ? await this.#printedInReply()
        : ((await this.#page.createPDFStream({
            ...PDF_OPTIONS,
            waitForFonts: false,
            timeout: timeoutMs,
          })) as ReadableStream<Uint8Array>);
      return { pdf, warnings: [...job.warnings] };
    } finally {
      this.#job = undefined;
    }
  }

  /** Navigates the tab to a new about:blank, with a world of ours, and forgets what the document before loaded. */
  async #freshDocument(timeoutMs: number): Promise<void> {
    this.#job = undefined;
    await this.#page.goto('about:blank', { timeout: timeoutMs });
    await this.#openWorld();
    this.#loaded.clear();
    this.#blockedSinceFreshDocument = false;
  }

  /** Creates our isolated world in the tab's current document; it lives as long as that document (through writes). */
  async #openWorld(): Promise<void> {
    const { executionContextId } = await this.#protocol.send('Page.createIsolatedWorld', {
      frameId: this.#frameId,
      worldName: 'saraban-print',
    });
    this.#world = executionContextId;
  }

  /**
   * Writes `html` into the tab's document and awaits its load and then its fonts, in one protocol call (puppeteer's
   * `setContent` and a wait for the fonts took two, and its lifecycle watcher), for `timeoutMs` at most: a print's
   * limit is also kept by its caller (`PrintTimeoutError`), but a new tab's warm-up has only this one. False, with
   * nothing done, when our world is gone: the tab has another document than the one it was made in.
   */
  async #load(html: string, timeoutMs: number): Promise<boolean> {
    let loaded: Protocol.Runtime.EvaluateResponse;
    try {
      loaded = await this.#protocol.send(
        'Runtime.evaluate',
        { expression: loadingScript(html), contextId: this.#world, awaitPromise: true },
        { timeout: timeoutMs },
      );
    } catch (error) {
      // V8's inspector's words for an execution context that no longer exists.
      if (error instanceof Error && error.message.includes('Cannot find context with specified id')) return false;
      throw error;
    }
    if (loaded.exceptionDetails) {
      throw new Error(`loading the document failed: ${loaded.exceptionDetails.exception?.description}`);
    }
    return true;
  }

  /** Prints the loaded document as `page.pdf` would, but has the PDF come in the command's reply. */
  async #printedInReply(): Promise<ReadableStream<Uint8Array>> {
    const { data } = await this.#protocol.send('Page.printToPDF', {
      ...PRINT_TO_PDF_PARAMS,
      transferMode: 'ReturnAsBase64',
    });
    return ReadableStream.from([Buffer.from(data, 'base64')]);
  }

  /**
   * Closes the tab; a tab whose browser is gone counts as closed.
   *
   * @example
   * ```ts
   * await page.close();
   * ```
   */
  async close(): Promise<void> {
    this.#job = undefined;
    await this.#page.close().catch(() => {});
  }
}

/**
 * The script that loads `html`, run in our isolated world, which sees the document but not the page's JavaScript.
 * - The wait is the window's `load` event: Chromium reports a written document's `readyState` as `complete` as soon
 *   as it is closed, with its stylesheets, images and fonts still loading. With the page's JavaScript off, a
 *   listener in the page's own world never runs; one in an isolated world does. It is added after `open` (which
 *   removes every listener) and before `write`, so a document with nothing to load, whose `load` comes during
 *   `close`, is not missed.
 * - Then `document.fonts.ready`, as `page.pdf` awaits before printing: asked after the load, it lays the page out
 *   with every stylesheet, and waits for the faces they use (a face a late stylesheet declares is not even
 *   requested before it comes).
 * - Every method and property is read from its prototype: an element named "open", "write", "close" or "fonts"
 *   (`<img name="fonts">`) shadows the document's own, in this document or the one it replaces.
 * - `html` goes in as a JSON string literal, which no markup can end early.
 */
function loadingScript(html: string): string {
  return `(async () => {
    const doc = Document.prototype;
    doc.open.call(document);
    const loaded = new Promise((resolve) => EventTarget.prototype.addEventListener.call(window, 'load', resolve, { once: true }));
    doc.write.call(document, ${JSON.stringify(html)});
    doc.close.call(document);
    await loaded;
    await Object.getOwnPropertyDescriptor(doc, 'fonts').get.call(document).ready;
  })()`;
}

/**
 * Writes the chunks of `pdf` to the open file `file` as they come, one read ahead at most, closes it, and returns
 * the number of bytes written. Chromium
 * decides the chunks' size (puppeteer asks for none): a PDF of a few MiB, a 1,000-page report, comes in one. Each
 * chunk is written synchronously: it lands in the page cache in well under a millisecond, where every asynchronous
 * write and close would be a round trip through libuv's thread pool on each render's path.
 */
async function writeStreamToFile(pdf: ReadableStream<Uint8Array>, file: number): Promise<number> {
  let bytes = 0;
  try {
    for await (const chunk of pdf) {
      for (let written = 0; written < chunk.byteLength; ) {
        written += writeSync(file, chunk, written);
      }
      bytes += chunk.byteLength;
    }
    return bytes;
  } finally {
    closeSync(file);
  }
}
