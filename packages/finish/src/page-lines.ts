import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A printed line of a PDF page: its text (words joined by single spaces) and its top and left, in points. */
export interface PageLine {
  readonly text: string;
  readonly top: number;
  readonly left: number;
}

/** One page's size in points and its lines from top to bottom. */
export interface PageLines {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PageLine[];
}

/**
 * poppler's pdftotext, which reads the printed text back (Chromium's PDFs draw Thai clusters glyph by glyph and
 * mark words by position only), is not installed.
 *
 * @example
 * ```ts
 * try { await readPageLines(pdf); } catch (error) {
 *   if (error instanceof PdfTextToolMissingError) console.error(error.message); // apt-get install poppler-utils
 * }
 * ```
 */
export class PdfTextToolMissingError extends Error {
  override readonly name = 'PdfTextToolMissingError';
  constructor(options: { cause: unknown }) {
    super('pdftotext is not installed (apt-get install poppler-utils)', options);
  }
}

/**
 * The lines of every page of a PDF, read with `pdftotext -bbox-layout`.
 *
 * @example
 * ```ts
 * const pages = await readPageLines(pdf);
 * pages[1]?.lines[0]?.text // '- ๒ -'
 * ```
 */
export async function readPageLines(pdf: Uint8Array): Promise<PageLines[]> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-lines-'));
  let xhtml: string;
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const result = await run('pdftotext', ['-bbox-layout', file, '-'], { maxBuffer: 256 * 1024 * 1024 }).catch(
      (error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? new PdfTextToolMissingError({ cause: error }) : error;
      },
    );
    xhtml = result.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const pages: PageLines[] = [];
  for (const page of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: PageLine[] = [];
    for (const line of (page[3] ?? '').matchAll(/<line xMin="([-\d.]+)" yMin="([-\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)) {
      const words = [...(line[3] ?? '').matchAll(/<word [^>]*>([\s\S]*?)<\/word>/g)].map((word) =>
        decodeXml(word[1] ?? ''),
      );
      lines.push({ text: words.join(' '), left: Number(line[1]), top: Number(line[2]) });
    }
    lines.sort((a, b) => a.top - b.top || a.left - b.left);
    pages.push({ width: Number(page[1]), height: Number(page[2]), lines });
  }
  return pages;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
