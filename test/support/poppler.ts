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
