import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compact, readPdf } from './support/pdf.js';
import { sarabanBin, templatesDir } from './support/saraban.js';

const run = promisify(execFile);

describe('marks that live only in the page margins', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-marks-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a secrecy mark prints on every page of a letter whose body has no bold text', async () => {
    // The mark is bold and stands in the margins only: the bold face must load although no body text uses it.
    const input = JSON.parse(
      await readFile(join(templatesDir, 'internal-letter/examples/budget-request.json'), 'utf8'),
    );
    const file = join(dir, 'secret.json');
    // The body twice over: two pages at the official size.
    await writeFile(file, JSON.stringify({ ...input, secrecy: 'CONFIDENTIAL', body: [...input.body, ...input.body] }));
    const out = join(dir, 'secret.pdf');
    await run('node', [sarabanBin, 'render', '--template', 'internal-letter', '--data', file, '--out', out]);
    const { pages, fonts } = await readPdf(new Uint8Array(await readFile(out)));
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      // At the top and at the bottom of the page.
      expect(compact(page).match(/ลับ/g)?.length, `page ${index + 1}`).toBeGreaterThanOrEqual(2);
    }
    expect(fonts.every((font) => font.embedded && /Sarabun/.test(font.name))).toBe(true);
  });
});
