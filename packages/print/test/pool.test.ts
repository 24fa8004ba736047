import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfInfo, pdfText } from '../../../test/support/poppler.js';
import {
  ChromiumLaunchError,
  launchPrinter,
  type Printer,
  PrinterClosedError,
  PrintTimeoutError,
} from '../src/index.js';

let printer: Printer;

beforeAll(async () => {
  printer = await launchPrinter({ poolSize: 2 });
});

afterAll(async () => {
  await printer?.close();
});

const documentHtml = (marker: string) => `<!doctype html><html><body><p>DOCUMENT ${marker}</p></body></html>`;

/** The user-data directory Chromium was started with, from its command line. */
function userDataDirOf(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const dir = args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
  if (!dir) throw new Error(`Chromium ${pid} has no --user-data-dir`);
  return dir;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a pool of two tabs', () => {
  it('prints more documents at once than it has tabs, each with its own content', async () => {
    const markers = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const results = await Promise.all(markers.map((marker) => printer.print({ html: documentHtml(marker) })));

    expect(printer.poolSize).toBe(2);
    for (const [index, result] of results.entries()) {
      expect(await pdfText(result.pdf)).toContain(`DOCUMENT ${markers[index]}`);
    }
  });

  it('prints into the destination file, leaving nothing else beside it, and nothing at all when it times out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'saraban-print-to-file-'));
    try {
      const destination = join(dir, 'memo.pdf');
      const printed = await printer.printToFile({ html: documentHtml('TO FILE') }, destination);
      const pdf = await readFile(destination);
      expect(printed).toEqual({ bytes: pdf.byteLength, warnings: [] });
      expect(await pdfText(pdf)).toContain('DOCUMENT TO FILE');

      const late = printer.printToFile({ html: documentHtml('LATE'), timeoutMs: 1 }, join(dir, 'late.pdf'));
      await expect(late).rejects.toBeInstanceOf(PrintTimeoutError);
      expect(await readdir(dir)).toEqual(['memo.pdf']);

      // A destination that cannot be written fails with the file system's error; the tabs go on printing.
      const nowhere = printer.printToFile({ html: documentHtml('NOWHERE') }, join(dir, 'missing', 'memo.pdf'));
      await expect(nowhere).rejects.toMatchObject({ code: 'ENOENT' });
      const again = await Promise.all(
        ['X', 'Y'].map((marker) => printer.printToFile({ html: documentHtml(marker) }, join(dir, `${marker}.pdf`))),
      );
      expect(again.map((printed) => printed.warnings)).toEqual([[], []]);
      expect(await pdfText(await readFile(join(dir, 'Y.pdf')))).toContain('DOCUMENT Y');
      expect((await readdir(dir)).sort()).toEqual(['X.pdf', 'Y.pdf', 'memo.pdf']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives up on a render that exceeds its time limit, with the limit in the error, and prints the next one', async () => {
    const timedOut = printer.print({ html: documentHtml('SLOW'), timeoutMs: 1 });

    await expect(timedOut).rejects.toBeInstanceOf(PrintTimeoutError);
    await expect(timedOut).rejects.toMatchObject({ timeoutMs: 1, message: expect.stringContaining('1 ms') });
    const next = await printer.print({ html: documentHtml('AFTER TIMEOUT') });
    expect(await pdfText(next.pdf)).toContain('DOCUMENT AFTER TIMEOUT');
  });

  it('replaces a killed Chromium between prints and removes its user-data directory', async () => {
    const killedPid = printer.browserPid();
    if (killedPid === undefined) throw new Error('no Chromium process');
    const killedDir = userDataDirOf(killedPid);
    process.kill(killedPid, 'SIGKILL');

    const { pdf } = await printer.print({ html: documentHtml('AFTER KILL') });

    expect(await pdfText(pdf)).toContain('DOCUMENT AFTER KILL');
    expect(printer.browserPid()).not.toBe(killedPid);
    await vi.waitFor(() => expect(existsSync(killedDir)).toBe(false));
  });

  it('retries the renders a killed Chromium was doing', async () => {
    const killedPid = printer.browserPid();
    if (killedPid === undefined) throw new Error('no Chromium process');
    const printing = ['X', 'Y', 'Z'].map((marker) => printer.print({ html: documentHtml(marker) }));
    process.kill(killedPid, 'SIGKILL');

    const results = await Promise.all(printing);

    expect(await Promise.all(results.map((result) => pdfText(result.pdf)))).toEqual([
      expect.stringContaining('DOCUMENT X'),
      expect.stringContaining('DOCUMENT Y'),
      expect.stringContaining('DOCUMENT Z'),
    ]);
    expect(printer.browserPid()).not.toBe(killedPid);
  });

  it('prints a PDF that pdfinfo reads without complaint', async () => {
    const { pdf } = await printer.print({ html: documentHtml('VALID') });
    const { fields, stderr } = await pdfInfo(pdf);

    expect(stderr).toBe('');
    expect(Number(fields.get('Pages'))).toBe(1);
  });

  // Last: it closes the shared printer.
  it('closes Chromium and removes its user-data directory; later prints are refused', async () => {
    const pid = printer.browserPid();
    if (pid === undefined) throw new Error('no Chromium process');
    const dir = userDataDirOf(pid);

    await printer.close();

    expect(isRunning(pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    await expect(printer.print({ html: documentHtml('CLOSED') })).rejects.toBeInstanceOf(PrinterClosedError);
  });
});

describe('launching', () => {
  it('names the executable it could not start', async () => {
    const launching = launchPrinter({ executablePath: '/nonexistent/chromium' });

    await expect(launching).rejects.toBeInstanceOf(ChromiumLaunchError);
    await expect(launching).rejects.toMatchObject({ executablePath: '/nonexistent/chromium' });
  });
});
