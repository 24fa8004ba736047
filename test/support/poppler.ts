// Reads PDFs the way a user would check them: with poppler's command-line tools.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Uint8Array, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-pdf-test-'));
  try {
    const path = join(dir, 'document.pdf');
    await writeFile(path, pdf);
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF (pdftotext). */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return withPdfFile(pdf, async (path) => (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout);
}

/** pdfinfo's fields by name, plus what it printed on stderr (complaints about a damaged file). */
export function pdfInfo(pdf: Uint8Array): Promise<{ fields: Map<string, string>; stderr: string }> {
  return withPdfFile(pdf, async (path) => {
    const { stdout, stderr } = await run('pdfinfo', ['-enc', 'UTF-8', '-isodates', path]);
    const fields = new Map<string, string>();
    for (const line of stdout.split('\n')) {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      if (match?.[1] && match[2] !== undefined) fields.set(match[1], match[2]);
    }
    return { fields, stderr };
  });
}

/** Each page's width and height in points (pdfinfo -f 1 -l N). */
export function pdfPageSizes(pdf: Uint8Array): Promise<{ width: number; height: number }[]> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '100000', path]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({
      width: Number(match[1]),
      height: Number(match[2]),
    }));
  });
}

/** The PDF's bookmarks, top level, in order: each title and the page it opens (pdftohtml -xml reads the outline). */
export function pdfOutline(pdf: Uint8Array): Promise<{ title: string; page: number }[]> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdftohtml', ['-xml', '-i', '-stdout', '-q', path]);
    const outline = /<outline>([\s\S]*?)<\/outline>/.exec(stdout)?.[1] ?? '';
    return [...outline.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((match) => ({
      title: decodeXml(match[2] ?? ''),
      page: Number(match[1]),
    }));
  });
}

function decodeXml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '',
  );
}
